import Core
import Procedure
import Quickstart

/// One document's object in `list --format json`, written directly: the same bytes as the
/// `Encodable` model in ListReport.swift gives through `JSONEncoder` (keys in sorted order here,
/// `null` for absent values the model encodes, nothing for those it encodes only when present).
enum ListJSONDocument {
    /// The object at its place in the `documents` array (nesting level 2), indentation included.
    static func text(_ document: QuickstartDocument) -> String {
        var w = PrettyJSONWriter(level: 2, capacity: 4096 + document.pivots.count * 1024)
        w.indent(2)
        write(document, procedure: ProcedureBuilder.build(document), into: &w)
        return w.text
    }

    static func write(_ document: QuickstartDocument, procedure: DocumentProcedure, into w: inout PrettyJSONWriter) {
        w.openObject()
        w.key("file"); w.string(document.file)
        w.key("pivots"); w.openArray()
        for pivot in document.pivots {
            w.element(); w.openObject()
            w.key("id"); w.string(pivot.id)
            w.key("procedure"); w.openArray()
            for reader in procedure.pivot(pivot.id).map(JSONProcedureReader.readers) ?? [] {
                w.element(); w.openObject()
                w.key("steps"); w.openArray()
                for step in reader.steps { w.element(); write(step, into: &w) }
                w.closeArray()
                w.key("tab"); w.string(reader.tab)
                w.closeObject()
            }
            w.closeArray()
            w.key("sections"); w.openArray()
            for section in pivot.sections { w.element(); write(section, into: &w) }
            w.closeArray()
            w.closeObject()
        }
        w.closeArray()
        w.key("title"); w.string(document.title)
        w.closeObject()
    }

    private static func write(_ section: Section, into w: inout PrettyJSONWriter) {
        w.openObject()
        w.key("file"); w.string(section.location.file)
        w.key("line"); w.int(section.location.line)
        w.key("tabs"); w.openArray()
        // The group only when the section has several tab groups, as the contract says.
        let several = ListReport.groupCount(section) > 1
        for tab in section.tabs {
            w.element(); w.openObject()
            if several, let group = tab.group { w.key("group"); w.int(group) }
            w.key("id"); w.string(tab.id)
            w.key("label"); w.string(tab.label)
            w.key("samples"); w.openArray()
            for step in tab.steps {
                for sample in step.samples {
                    w.element(); w.openObject()
                    w.key("code"); w.string(sample.code)
                    w.key("file"); w.string(sample.location.file)
                    w.key("fileName"); w.string(sample.fileName)
                    w.key("language"); w.string(sample.language.rawValue)
                    w.key("line"); w.int(sample.location.line)
                    w.closeObject()
                }
            }
            w.closeArray()
            w.closeObject()
        }
        w.closeArray()
        w.key("title"); w.string(section.title)
        w.closeObject()
    }

    private static func write(_ step: JSONProcedureStep, into w: inout PrettyJSONWriter) {
        w.openObject()
        if let command = step.command { w.key("command"); w.string(command) }
        w.key("file"); w.string(step.file)
        w.key("kind"); w.string(step.kind)
        w.key("line"); w.int(step.line)
        if let name = step.name { w.key("name"); w.string(name) }
        w.key("needs"); w.strings(step.needs)
        w.key("provides"); w.strings(step.provides)
        if let sample = step.sample { w.key("sample"); w.int(sample) }
        w.key("tab"); w.string(step.tab)
        w.closeObject()
    }
}
