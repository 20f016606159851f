import Core
import Foundation

/// Decides an article's pivots and checks its zones against `zone-pivot-groups.yml`.
enum PivotResolver {
    static func resolve(
        blocks: [DocBlock], frontMatter: FrontMatter, file: String, articleDirectory: String, explicitGroupsFile: String?
    ) -> ([String], [Finding]) {
        let zones = DocBlockWalker.zones(in: blocks)
        var findings: [Finding] = []
        var pivots: [String] = []
        var declared: Set<String>?
        let groupLine = frontMatter.keyLines["zone_pivot_groups"] ?? 1

        if let path = explicitGroupsFile ?? PivotGroups.find(from: articleDirectory), !frontMatter.zonePivotGroups.isEmpty {
            do {
                let groups = try PivotGroups.load(path: path)
                var known: Set<String> = []
                for id in frontMatter.zonePivotGroups {
                    guard let group = groups.group(id) else {
                        findings.append(Finding(
                            rule: "zone-unknown-pivot", severity: .error, location: SourceLocation(file: file, line: groupLine),
                            message: "zone pivot group '\(id)' is not defined in \(path); fix zone_pivot_groups or add the group"))
                        continue
                    }
                    for pivot in group.pivots where !pivots.contains(pivot) { pivots.append(pivot) }
                    known.formUnion(group.pivots)
                }
                declared = known
            } catch {
                findings.append(Finding(
                    rule: "zone-unknown-pivot", severity: .error, location: SourceLocation(file: file, line: groupLine),
                    message: "cannot use the pivot groups file: \(error); pivots are not checked"))
            }
        }
        for zone in zones {
            for pivot in zone.pivots {
                if let declared, !declared.contains(pivot) {
                    findings.append(Finding(
                        rule: "zone-unknown-pivot", severity: .error, location: zone.location,
                        message: "pivot '\(pivot)' is not in the pivot group(s) \(frontMatter.zonePivotGroups.joined(separator: ", ")); fix the pivot id",
                        pivot: pivot))
                } else if declared == nil, frontMatter.zonePivotGroups.isEmpty {
                    findings.append(Finding(
                        rule: "zone-unknown-pivot", severity: .error, location: zone.location,
                        message: "pivot '\(pivot)' is used but the front matter has no zone_pivot_groups; add zone_pivot_groups",
                        pivot: pivot))
                }
                if !pivots.contains(pivot) { pivots.append(pivot) }
            }
        }
        return (pivots, findings)
    }
}

/// Recursive look-ups over DocFX blocks.
public enum DocBlockWalker {
    /// Every zone, in document order, wherever it sits.
    public static func zones(in blocks: [DocBlock]) -> [Zone] {
        var result: [Zone] = []
        func walk(_ blocks: [DocBlock]) {
            for block in blocks {
                switch block {
                case .zone(let zone):
                    result.append(zone)
                    walk(zone.blocks)
                default:
                    walk(children(of: block))
                }
            }
        }
        walk(blocks)
        return result
    }

    /// The blocks directly inside a container block.
    public static func children(of block: DocBlock) -> [DocBlock] {
        switch block {
        case .list(let list): list.items.flatMap(\.blocks)
        case .blockQuote(let quote): quote.blocks
        case .alert(let alert): alert.blocks
        case .zone(let zone): zone.blocks
        case .tabGroup(let group): group.tabs.flatMap(\.blocks)
        case .image(let image): image.description
        default: []
        }
    }
}
