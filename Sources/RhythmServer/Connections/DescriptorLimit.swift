#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's soft limit on open file descriptors (`RLIMIT_NOFILE`).
enum DescriptorLimit {
    /// The limit when it cannot be read: systemd's and most shells' default.
    static let usual = 1024

    /// The soft limit now; `Int.max` when there is none.
    static var current: Int {
        var limit = rlimit()
        #if canImport(Glibc)
            let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
            let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0 else { return usual }
        return Int(clamping: limit.rlim_cur)
    }
}
