import Core

/// Which tab of which tab group a step sits in. Groups are numbered through the whole pivot, in
/// reading order, so two groups of one section stay apart.
public struct ProcedureTab: Hashable, Sendable {
    public var group: Int
    public var id: String

    public init(group: Int, id: String) {
        self.group = group
        self.id = id
    }
}

/// One thing the reader does while following a page: create a file, install packages, set
/// environment variables, run a command, or follow a link to set up elsewhere.
public struct ProcedureStep: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A file the page has the reader create (or fill) — with the sample that fills it, if any.
        case createFile = "create-file"
        /// `pip install …`, `npm install …`, `npm init`, a `requirements.txt` install.
        case install
        /// `npm pkg set type=module` or a `package.json` sample's `"type"`.
        case packageType = "package-type"
        /// `export X=…`, `setx X …`, `set X=…`, `$env:X = …`, a `.env` file.
        case setVariables = "set-variables"
        /// `python app.py`, `node app.js`, `tsc`, `npx tsx app.ts`, `curl …`.
        case run
        /// A link that sends the reader to another page to set up (resources, variables, prerequisites).
        case setUpElsewhere = "set-up-elsewhere"
        /// A Python, JavaScript or TypeScript sample the page shows without naming its file.
        case code
    }

    /// The package ecosystem of an install step.
    public enum Ecosystem: String, Hashable, Sendable {
        case python
        case node
    }

    public var kind: Kind
    public var location: SourceLocation
    /// The tab the step belongs to; nil outside tab groups.
    public var tab: ProcedureTab?
    /// The sample the step comes from (its ``Quickstart/CodeSample/id``); nil for prose.
    public var sampleID: Int?
    /// `createFile`: the file; `run`: the file the command runs or builds, if it names one.
    public var file: String?
    /// `install`: the packages, as the command names them (versions and extras removed).
    public var packages: [String] = []
    /// `install`: whose packages; nil for other kinds.
    public var ecosystem: Ecosystem?
    /// `install`: the step also installs packages docverify cannot list (`-r requirements.txt`
    /// without the file on the page, `-e .`, a URL).
    public var installsUnknown = false
    /// `install`: what a pinned older version brings besides the packages
    /// (``PackageNames/olderMajorDependencies(fromSpec:)``).
    public var alsoInstalls: [String] = []
    /// `setVariables`: the variable names, in order.
    public var variables: [String] = []
    /// `run`: the tool (`python`, `node`, `tsc`, `ts-node`, `tsx`, `curl`) and the command as written;
    /// `createFile` and `code`: the sample's language.
    public var tool: String?
    public var command: String?
    /// `packageType`: `module` or `commonjs`.
    public var packageType: String?
    /// `setUpElsewhere`: the link's destination.
    public var link: String?

    public init(kind: Kind, location: SourceLocation, tab: ProcedureTab? = nil, sampleID: Int? = nil, file: String? = nil) {
        self.kind = kind
        self.location = location
        self.tab = tab
        self.sampleID = sampleID
        self.file = file
    }

    /// What the step makes available to later steps, as `kind:name` strings (`file:app.py`,
    /// `package:openai`, `env:AZURE_OPENAI_ENDPOINT`, `package-type:module`).
    public var provides: [String] {
        switch kind {
        case .createFile: return file.map { ["file:\($0)"] } ?? []
        case .install: return packages.map { "package:\($0)" } + (installsUnknown ? ["package:*"] : [])
        case .packageType: return packageType.map { ["package-type:\($0)"] } ?? []
        case .setVariables: return variables.map { "env:\($0)" }
        case .setUpElsewhere: return ["env:*"]
        case .run, .code: return []
        }
    }

    /// What the step needs from earlier ones (`file:app.js` for `node app.js`).
    public var needs: [String] {
        guard kind == .run, let file else { return [] }
        return ["file:\(file)"]
    }
}
