import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a configuration file could not be read, told from the system's error number, so that a
/// directory the user may not enter is reported as that and not as a missing file.
struct UnreadableFile {
    let path: String
    /// The `errno` of opening the file.
    let errorNumber: Int32

    /// Opens `path` to learn why it could not be read; EIO when it now opens (it changed, or
    /// the failure came later, while reading).
    static func probe(_ path: String) -> UnreadableFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return UnreadableFile(path: path, errorNumber: errno) }
        defer { close(descriptor) }
        var status = stat()
        let isDirectory = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
        return UnreadableFile(path: path, errorNumber: isDirectory ? EISDIR : EIO)
    }

    /// What went wrong and what to check, for the diagnostic.
    var message: String {
        switch errorNumber {
        case EACCES, EPERM:
            return permissionDenied
        case ENOENT:
            let directory = parentDirectory
            guard FileManager.default.fileExists(atPath: directory) else {
                return "there is no file here: the directory \(directory) does not exist; check the path"
            }
            return "there is no file here; check the path, or copy config/rhythm.yaml from the distribution"
        case ENOTDIR:
            return "a part of the path is a file, not a directory; check the path"
        case EISDIR:
            return "this is a directory; name the configuration file in it, such as \(path)/rhythm.yaml"
        default:
            return "the file cannot be read: \(String(cString: strerror(errorNumber)))"
        }
    }

    /// Names the directory that cannot be entered, if one on the path is, else the file.
    private var permissionDenied: String {
        let user = Self.currentUser
        let advice =
            "and that Rhythm runs as the user meant to read it (the service's user: sudo -u rhythm rhythm check)"
        if let directory = blockingDirectory {
            return "permission denied: the user \(user) cannot enter the directory \(directory); check the "
                + "permissions of that directory (it needs x for this user: ls -ld \(directory)) and of the file, "
                + advice
        }
        return "permission denied: the user \(user) cannot read the file; check its permissions (it needs r for "
            + "this user: ls -l \(path)) and those of the directories above it (x), " + advice
    }

    /// The first directory on the way to the file that this process may not search.
    private var blockingDirectory: String? {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        var directories: [String] = []
        var directory = absolute.deletingLastPathComponent()
        while directory.path != "/" && !directory.path.isEmpty {
            directories.append(directory.path)
            directory = directory.deletingLastPathComponent()
        }
        return directories.reversed().first { access($0, X_OK) != 0 }
    }

    private var parentDirectory: String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    private static var currentUser: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "uid \(geteuid())"
    }
}
