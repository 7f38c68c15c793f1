import Foundation
import Testing

/// A configuration in a directory the user may not enter is "permission denied", naming the
/// directory, not a missing file. Root ignores permissions, so as root the binary runs as
/// `nobody` through setpriv; the test is disabled (and says why) only where that user could
/// not even start the binary.
@Suite struct PermissionEndToEndTests {
    static let nobody = "65534"

    /// Whether every directory above `path` and the file itself are open to other users.
    static func isOpenToOthers(_ path: String) -> Bool {
        var url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        while url.path != "/" {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o001 != 0
            else { return false }
            url = url.deletingLastPathComponent()
        }
        return true
    }

    static var runsAsRoot: Bool { geteuid() == 0 }

    static var canRunAsAnotherUser: Bool {
        !runsAsRoot
            || (FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
                && isOpenToOthers(RhythmProcess.executable.path)
                && isOpenToOthers(FileManager.default.temporaryDirectory.path))
    }

    @Test(
        "check on a configuration in a directory the user cannot enter says permission denied and what to check",
        .enabled(if: canRunAsAnotherUser, "root cannot run the built binary as nobody here (setpriv or permissions)"))
    func directoryCannotBeEntered() throws {
        let top = try RhythmProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: top) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: top.path)
        let locked = top.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        let config = locked.appendingPathComponent("rhythm.yaml").path
        try "initiative: {}\n".write(toFile: config, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path) }
        if !Self.runsAsRoot {
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        }

        let arguments = ["check", "--config", config]
        let result =
            Self.runsAsRoot
            ? try RhythmProcess.run(
                ["--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups", RhythmProcess.executable.path]
                    + arguments, executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
            : try RhythmProcess.run(arguments)
        #expect(result.status == 78, "\(result.standardError)")
        #expect(result.standardError.contains("permission denied"), "\(result.standardError)")
        #expect(result.standardError.contains("cannot enter the directory \(locked.path)"))
        #expect(!result.standardError.contains("no file"))
    }
}
