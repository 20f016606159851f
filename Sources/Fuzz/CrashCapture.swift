#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the input being run where a signal handler can write it out: a crash or a hang (SIGALRM)
/// leaves the input in a file, then the process exits with status 1.
///
/// Globals, not properties: a signal handler may touch only memory that needs no Swift runtime.
nonisolated(unsafe) private var inputBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
nonisolated(unsafe) private var inputLength = 0
nonisolated(unsafe) private var crashPath = UnsafeMutablePointer<CChar>.allocate(capacity: 4096)
nonisolated(unsafe) private var hangPath = UnsafeMutablePointer<CChar>.allocate(capacity: 4096)

enum CrashCapture {
    static let capacity = 1 << 20

    /// Installs the handlers (on an alternate stack, so a stack overflow still runs them).
    static func install(crashFile: String, hangFile: String) {
        copy(crashFile, into: crashPath)
        copy(hangFile, into: hangPath)
        let size = 1 << 20
        if let memory = malloc(size) {
            var stack = stack_t()
            stack.ss_sp = memory
            stack.ss_size = size
            sigaltstack(&stack, nil)
        }
        for signal in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT, SIGALRM] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handler
            #else
            action.__sigaction_u.__sa_handler = handler
            #endif
            action.sa_flags = Int32(SA_ONSTACK) | Int32(bitPattern: UInt32(SA_RESETHAND))
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    /// Remembers `bytes` as the input being run.
    static func remember(_ bytes: [UInt8]) {
        let count = min(bytes.count, capacity)
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { inputBuffer.update(from: base, count: count) }
        }
        inputLength = count
    }

    private static func copy(_ text: String, into buffer: UnsafeMutablePointer<CChar>) {
        let bytes = Array(text.utf8CString.prefix(4095))
        for (i, b) in bytes.enumerated() { buffer[i] = b }
        buffer[min(bytes.count, 4095)] = 0
    }
}

private let handler: @convention(c) (Int32) -> Void = { signal in
    let path = signal == SIGALRM ? hangPath : crashPath
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if fd >= 0 {
        _ = write(fd, inputBuffer, inputLength)
        close(fd)
    }
    let message: StaticString = signal == SIGALRM
        ? "fuzz: an input ran past the time limit; it was saved\n"
        : "fuzz: CRASH; the input was saved\n"
    _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
    _exit(signal == SIGALRM ? 3 : 1)
}
