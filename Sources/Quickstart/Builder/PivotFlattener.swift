import DocFX

/// The blocks a reader sees with one pivot selected: visible zones opened in place, others dropped.
public enum PivotFlattener {
    /// The blocks with `pivot` selected (nil: an article without zones).
    public static func flatten(_ blocks: [DocBlock], pivot: String?) -> [DocBlock] {
        blocks.flatMap { block -> [DocBlock] in
            switch block {
            case .zone(let zone):
                return zone.isVisible(pivot: pivot) ? flatten(zone.blocks, pivot: pivot) : []
            case .list(var list):
                for index in list.items.indices { list.items[index].blocks = flatten(list.items[index].blocks, pivot: pivot) }
                return [.list(list)]
            case .blockQuote(var quote):
                quote.blocks = flatten(quote.blocks, pivot: pivot)
                return [.blockQuote(quote)]
            case .alert(var alert):
                alert.blocks = flatten(alert.blocks, pivot: pivot)
                return [.alert(alert)]
            case .tabGroup(var group):
                for index in group.tabs.indices { group.tabs[index].blocks = flatten(group.tabs[index].blocks, pivot: pivot) }
                return [.tabGroup(group)]
            default:
                return [block]
            }
        }
    }
}
