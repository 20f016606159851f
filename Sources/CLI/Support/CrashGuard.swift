#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes a fatal error end the process at once with a one-line message.
///
/// With the Swift runtime's interactive backtracer on, a crash (a stack overflow on hostile input,
/// a trap) can park every thread for minutes and ignore SIGTERM, holding a CI job until its hard
/// kill. docverify installs its own handlers for the fatal signals, on an alternate stack so a
/// stack overflow can still run them; they write a message and `_exit`. Set `DOCVERIFY_BACKTRACE=1`
/// to keep the runtime's backtracer instead (for debugging docverify itself).
public enum CrashGuard {
    /// The exit status of a crashed run (BSD's EX_SOFTWARE).
    public static let exitStatus: Int32 = 70

    public static func install() {
        if let keep = getenv("DOCVERIFY_BACKTRACE"), String(cString: keep) == "1" { return }
        #if canImport(Glibc) || canImport(Darwin)
        // The alternate stack is allocated once and never freed: it lives as long as the process.
        let size = 256 * 1024
        if let memory = malloc(size) {
            var stack = stack_t()
            stack.ss_sp = memory
            stack.ss_size = size
            stack.ss_flags = 0
            sigaltstack(&stack, nil)
        }
        for signal in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = crashHandler
            #else
            action.__sigaction_u.__sa_handler = crashHandler
            #endif
            action.sa_flags = Int32(SA_ONSTACK) | Int32(bitPattern: UInt32(SA_RESETHAND))
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
        #endif
    }
}

#if canImport(Glibc) || canImport(Darwin)
/// Only async-signal-safe calls: `write` of static text, then `_exit`.
private let crashHandler: @convention(c) (Int32) -> Void = { signal in
    let message: StaticString
    switch signal {
    case SIGSEGV, SIGBUS:
        message = "docverify: fatal error: memory access fault (often input nested too deeply). The run was stopped; please report the input that caused it.\n"
    case SIGILL, SIGTRAP:
        message = "docverify: fatal error: an internal check failed (a trap). The run was stopped; please report the input that caused it.\n"
    case SIGABRT:
        message = "docverify: fatal error: aborted. The run was stopped; please report the input that caused it.\n"
    default:
        message = "docverify: fatal error. The run was stopped.\n"
    }
    _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
    _exit(CrashGuard.exitStatus)
}
#endif
