import Core

/// The steps of one pivot, in reading order, with the tabs they belong to. A reader follows the
/// untabbed steps and, in each tab group, one tab; tabs that share an id are selected together
/// (DocFX syncs them), see ``steps(forTab:)``.
public struct PivotProcedure: Sendable {
    /// The pivot id, nil for an article without zones.
    public var pivot: String?
    public var steps: [ProcedureStep]

    public init(pivot: String?, steps: [ProcedureStep]) {
        self.pivot = pivot
        self.steps = steps
    }

    /// Every tab id of the pivot, in reading order.
    public var tabIDs: [String] {
        var seen = Set<String>()
        return steps.compactMap(\.tab?.id).filter { seen.insert($0).inserted }
    }

    /// The readers of this pivot: one per tab id, or one (nil) when the pivot has no tabs.
    public var readers: [String?] {
        let ids = tabIDs
        return ids.isEmpty ? [nil] : ids.map { Optional($0) }
    }

    /// The steps a reader who picked `tab` follows: untabbed steps; in groups that have `tab`, only
    /// that tab; in groups that don't, every tab — the reader picks one we can't know, so what any
    /// of them provides counts as provided (never blame the page for our guess).
    public func steps(forTab tab: String?) -> [ProcedureStep] {
        var groupsWithTab = Set<Int>()
        if let tab { for step in steps where step.tab?.id == tab { groupsWithTab.insert(step.tab!.group) } }
        return steps.filter { step in
            guard let stepTab = step.tab else { return true }
            guard let tab, groupsWithTab.contains(stepTab.group) else { return true }
            return stepTab.id == tab
        }
    }

    /// Whether a step in `tab` belongs to what the reader of `reader` follows.
    public func reader(_ reader: String?, sees step: ProcedureStep) -> Bool {
        steps(forTab: reader).contains(step)
    }
}

/// The procedure of a whole article: one ``PivotProcedure`` per pivot.
public struct DocumentProcedure: Sendable {
    public var file: String
    public var pivots: [PivotProcedure]

    public init(file: String, pivots: [PivotProcedure]) {
        self.file = file
        self.pivots = pivots
    }

    public func pivot(_ id: String?) -> PivotProcedure? { pivots.first { $0.pivot == id } }
}
