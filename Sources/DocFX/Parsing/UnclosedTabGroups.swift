import Core

/// `tab-group-unclosed`: DocFX ends a tab group only at a thematic break (`---`) or at the end of
/// its container, so a group left open makes its last tab hold everything after it. Pages commonly
/// let the next H2 end a group and that is not reported; what is reported is a last tab that
/// swallows a heading of the group's own section level or higher (the next H3 of an H3 section),
/// which readers of the other tabs then never see.
enum UnclosedTabGroups {
    /// Headings at this level or above end a group for this rule (the next H2 is an accepted end).
    static let acceptedEndLevel = 2

    /// Findings for the open groups among `blocks` (one container's grouped blocks; zones are
    /// looked into, as they sit in the same container).
    static func findings(in blocks: [DocBlock]) -> [Finding] {
        var sectionLevel: Int?
        var findings: [Finding] = []
        walk(blocks, sectionLevel: &sectionLevel, findings: &findings, depth: 0)
        return findings
    }

    static func walk(_ blocks: [DocBlock], sectionLevel: inout Int?, findings: inout [Finding], depth: Int) {
        guard depth < 4 else { return }
        for block in blocks {
            switch block {
            case .heading(let heading) where heading.tab == nil:
                sectionLevel = heading.level
            case .zone(let zone):
                walk(zone.blocks, sectionLevel: &sectionLevel, findings: &findings, depth: depth + 1)
            case .tabGroup(let group) where !group.isClosed:
                if let finding = finding(group, sectionLevel: sectionLevel) { findings.append(finding) }
                // What the last tab swallowed still sets the section for what follows.
                for case .heading(let h) in group.tabs.last?.blocks ?? [] where h.tab == nil { sectionLevel = h.level }
            default:
                continue
            }
        }
    }

    static func finding(_ group: TabGroup, sectionLevel: Int?) -> Finding? {
        guard let sectionLevel, sectionLevel > acceptedEndLevel, let last = group.tabs.last else { return nil }
        for case .heading(let heading) in last.blocks where heading.tab == nil {
            if heading.level <= acceptedEndLevel { return nil }
            if heading.level <= sectionLevel {
                return Finding(
                    rule: "tab-group-unclosed", severity: .warning, location: group.location,
                    message: "this tab group has no closing '---', so its last tab '\(last.link.label)' also holds the heading '\(heading.text)' (\(heading.location.file):\(heading.location.line)) and what follows it, which readers of the other tabs never see; add a line with '---' after the last tab's content")
            }
        }
        return nil
    }
}
