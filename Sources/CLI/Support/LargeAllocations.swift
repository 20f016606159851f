/// Makes memory freed after a large request (a 20 MB body and its copies) go back to the system.
///
/// glibc serves blocks from 128 KiB up with their own mappings, but raises that bound to the size
/// of each such block freed (up to 32 MiB): after the first large body is freed, the next ones come
/// from the heap, whose free space is kept and fragmented, so the peak resident size grows by
/// copies that are no longer in use. A fixed bound keeps every block of 1 MiB or more in its own
/// mapping, returned when freed. Small allocations, the many, are unaffected.
public enum LargeAllocations {
    /// Blocks at least this large get their own mapping.
    public static let mappingThreshold: Int32 = 1 << 20

    public static func install() {
        #if os(Linux) && canImport(Glibc)
        // M_MMAP_THRESHOLD in glibc's <malloc.h>, which the Glibc module does not export; setting
        // it also turns the moving bound off.
        let mmapThreshold: Int32 = -3
        _ = glibcMallopt(mmapThreshold, mappingThreshold)
        #endif
    }
}

#if os(Linux) && canImport(Glibc)
/// glibc's `int mallopt(int param, int value)`.
@_silgen_name("mallopt")
private func glibcMallopt(_ param: Int32, _ value: Int32) -> Int32
#endif
