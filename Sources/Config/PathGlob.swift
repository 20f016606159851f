import Foundation

/// A glob over article paths relative to the docs root: `*` and `?` stay inside one folder name,
/// `**` spans folders (`articles/**/quickstart*.md`), as in .gitignore and DocFX's file globs.
public struct PathGlob: Sendable {
    public let pattern: String
    private let expression: NSRegularExpression

    /// Nil when the pattern cannot be compiled.
    public init?(_ pattern: String) {
        self.pattern = pattern
        var regex = "^"
        let characters = Array(pattern)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "*" {
                if index + 1 < characters.count, characters[index + 1] == "*" {
                    let slash = index + 2 < characters.count && characters[index + 2] == "/"
                    regex += slash ? "(?:.*/)?" : ".*"
                    index += slash ? 3 : 2
                    continue
                }
                regex += "[^/]*"
            } else if character == "?" {
                regex += "[^/]"
            } else {
                regex += NSRegularExpression.escapedPattern(for: String(character))
            }
            index += 1
        }
        regex += "$"
        guard let expression = try? NSRegularExpression(pattern: regex) else { return nil }
        self.expression = expression
    }

    public func matches(_ path: String) -> Bool {
        expression.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
    }
}

/// `include` / `exclude` together: an article is kept when some include matches (or there are
/// none) and no exclude does.
public struct ArticleSelection: Sendable {
    public var include: [PathGlob]
    public var exclude: [PathGlob]

    public init(include: [String], exclude: [String]) {
        self.include = include.compactMap(PathGlob.init)
        self.exclude = exclude.compactMap(PathGlob.init)
    }

    public func contains(_ relativePath: String) -> Bool {
        (include.isEmpty || include.contains { $0.matches(relativePath) }) && !exclude.contains { $0.matches(relativePath) }
    }
}
