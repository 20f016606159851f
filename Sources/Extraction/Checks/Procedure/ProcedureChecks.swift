import Core
import Procedure
import Quickstart

/// The checks over the procedure a reader follows: the ones that read code (`undefined-name`,
/// `dependency-missing`, `env-var-undefined`) here, with the parsers; the ones that only read steps
/// (`file-missing`, `build-step-invalid`) in the Procedure module.
public enum ProcedureChecks {
    public static func findings(in document: QuickstartDocument) -> [Finding] {
        findings(ProcedureContext(document: document, procedure: ProcedureBuilder.build(document)))
    }

    /// The same, reading code from the forms the extractor parsed (each sample is parsed once).
    static func findings(in document: QuickstartDocument, parsed: ParsedSamples) -> [Finding] {
        findings(ProcedureContext(document: document, procedure: ProcedureBuilder.build(document)), parsed: parsed)
    }

    public static func findings(_ context: ProcedureContext) -> [Finding] {
        findings(context, parsed: ParsedSamples())
    }

    static func findings(_ context: ProcedureContext, parsed: ParsedSamples) -> [Finding] {
        let facts = SampleFacts(samples: Array(context.samples.values), parsed: parsed)
        return UndefinedNameCheck.findings(context, facts: facts)
            + DependencyMissingCheck.findings(context, facts: facts)
            + EnvVarUndefinedCheck.findings(context, facts: facts)
            + FileMissingCheck.findings(context)
            + BuildStepCheck.findings(context)
    }
}
