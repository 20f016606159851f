import Core

extension BlockReader {
    /// Pairs zone and complex-image directives, then forms tab groups.
    mutating func group(_ items: [Item]) -> [DocBlock] {
        enum Frame {
            case zone(pivots: [String], target: String?, location: SourceLocation)
            case image(ImageDirective)
        }
        var top: [DocBlock] = []
        // Each open frame with its blocks so far. The blocks live beside the frame, not in its
        // payload: an array bound out of an enum payload is a second reference, so every append
        // copied the whole array (a zone of thousands of blocks was quadratic).
        var stack: [(frame: Frame, blocks: [DocBlock])] = []
        var ignoredNested = 0

        func append(_ block: DocBlock) {
            guard let last = stack.indices.last else { return top.append(block) }
            stack[last].blocks.append(block)
        }
        func close(end: SourceLocation?) {
            guard case let (frame, blocks)? = stack.popLast() else { return }
            switch frame {
            case .zone(let pivots, let target, let location):
                append(.zone(Zone(pivots: pivots, target: target, blocks: Self.tabGroups(blocks), location: location, endLocation: end)))
            case .image(var image):
                image.description = blocks
                append(.image(image))
            }
        }
        func zoneOpen() -> Bool {
            stack.contains { if case .zone = $0.frame { true } else { false } }
        }

        for item in items {
            switch item {
            case .block(let block):
                append(block)
            case .zoneStart(let pivots, let target, let location):
                if zoneOpen() {
                    ignoredNested += 1
                    findings.append(Finding(rule: "zone-nested", severity: .error, location: location,
                                            message: "zones do not nest; close the enclosing zone with '::: zone-end' before opening this one"))
                } else {
                    stack.append((.zone(pivots: pivots, target: target, location: location), []))
                }
            case .zoneEnd(let location):
                if ignoredNested > 0 {
                    ignoredNested -= 1
                } else if zoneOpen() {
                    while let last = stack.last, case .image = last.frame { close(end: nil) }
                    close(end: location)
                } else {
                    findings.append(Finding(rule: "zone-end-unmatched", severity: .error, location: location,
                                            message: "'::: zone-end' without an open zone; remove it or add the '::: zone' line it closes"))
                }
            case .complexImage(let image):
                stack.append((.image(image), []))
            case .imageEnd:
                if let last = stack.last, case .image = last.frame { close(end: nil) }
            }
        }
        while let last = stack.last {
            if case .zone(_, _, let location) = last.frame {
                findings.append(Finding(rule: "zone-unclosed", severity: .warning, location: location,
                                        message: "zone is never closed, so it runs to the end of the file; add '::: zone-end'"))
            }
            close(end: nil)
        }
        let grouped = Self.tabGroups(top)
        // An include's blocks are grouped in the include and again in its parent: report once.
        for finding in UnclosedTabGroups.findings(in: grouped)
        where !findings.contains(where: { $0.rule == finding.rule && $0.location == finding.location }) {
            findings.append(finding)
        }
        return grouped
    }

    /// DocFX's tab rule: a tab heading starts a group; every following tab heading (of any level)
    /// adds a tab; other blocks are the current tab's content; a thematic break (consumed) or the
    /// end of the container ends the group.
    static func tabGroups(_ blocks: [DocBlock]) -> [DocBlock] {
        var out: [DocBlock] = []
        var index = 0
        while index < blocks.count {
            guard case .heading(let first) = blocks[index], let firstLink = first.tab else {
                out.append(blocks[index])
                index += 1
                continue
            }
            var tabs: [Tab] = []
            var current = Tab(link: firstLink, blocks: [], location: first.location)
            var isClosed = false
            index += 1
            while index < blocks.count {
                let block = blocks[index]
                if case .heading(let heading) = block, let link = heading.tab {
                    tabs.append(current)
                    current = Tab(link: link, blocks: [], location: heading.location)
                } else if case .thematicBreak = block {
                    index += 1
                    isClosed = true
                    break
                } else {
                    current.blocks.append(block)
                }
                index += 1
            }
            tabs.append(current)
            out.append(.tabGroup(TabGroup(level: first.level, tabs: tabs, location: first.location, isClosed: isClosed)))
        }
        return out
    }
}
