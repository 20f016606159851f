#if canImport(Glibc)
import Glibc
#endif

/// Heap settings for a process that only serves the mock (`docverify mock serve`).
enum MallocTuning {
    /// glibc raises its mmap threshold each time a large block is freed, after which every answer's
    /// quarter-megabyte buffers come from per-thread arenas that keep their pages once freed: the
    /// served mock's resident memory then grew with load and never came back. A fixed threshold
    /// keeps blocks of 128 KiB and more in their own mappings, returned to the system on free.
    static func keepLargeBlocksMapped() {
        #if canImport(Glibc)
        // `mallopt` lives in <malloc.h>, which the Glibc module does not export: looked up by name.
        // M_MMAP_THRESHOLD is -3 in glibc's <malloc.h>.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(-3, 128 * 1_024)
        #endif
    }
}
