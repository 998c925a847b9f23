import CSystem

/// How the process's C heap gives memory back.
public enum ProcessMemory {
    /// Keeps up to `bytes` of free memory at the top of each malloc heap instead of handing it
    /// back to the kernel at every `free` (glibc's default is 128 KiB). A save churns through
    /// SQLite's short-lived allocations (statement scratch, temporary b-trees); at the default
    /// each transaction shrank the heap and then grew it again, paying `brk`/`madvise` and a page
    /// fault per page: a third of a targets-grid save (see the README's profile notes).
    public static func keepFreedHeap(upTo bytes: Int32) {
        _ = csystem_set_trim_threshold(bytes)
    }
}
