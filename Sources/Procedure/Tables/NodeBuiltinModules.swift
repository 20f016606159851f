/// Node.js built-in modules (Node 20's `require("module").builtinModules`, plus the `node:`-only
/// `test`, `sqlite` and `sea`): importing one, with or without the `node:` prefix, needs no install.
public enum NodeBuiltinModules {
    public static let modules: Set<String> = [
        "assert", "assert/strict", "async_hooks", "buffer", "child_process", "cluster", "console", "constants",
        "crypto", "dgram", "diagnostics_channel", "dns", "dns/promises", "domain", "events", "fs",
        "fs/promises", "http", "http2", "https", "inspector", "inspector/promises", "module", "net", "os",
        "path", "path/posix", "path/win32", "perf_hooks", "process", "punycode", "querystring", "readline",
        "readline/promises", "repl", "stream", "stream/consumers", "stream/promises", "stream/web",
        "string_decoder", "sys", "timers", "timers/promises", "tls", "trace_events", "tty", "url", "util",
        "util/types", "v8", "vm", "wasi", "worker_threads", "zlib", "test", "sqlite", "sea",
    ]

    /// Whether `specifier` (`fs`, `node:fs/promises`) names a built-in module.
    public static func contains(_ specifier: String) -> Bool {
        if specifier.hasPrefix("node:") { return true }
        return modules.contains(specifier)
    }
}
