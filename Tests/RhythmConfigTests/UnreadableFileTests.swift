import Foundation
import Testing

@testable import RhythmConfig

#if canImport(Glibc)
    import Glibc
#endif

/// A file the user may not read, or a directory they may not enter, is "permission denied"
/// with what to check, not a missing file. Classified from the error number, so this holds
/// when the tests run as root, whom permissions do not stop (RhythmCLITests runs the binary
/// as another user for the real thing).
@Suite struct UnreadableFileTests {
    @Test("EACCES reads as permission denied, with the permissions and the user to check")
    func permissionDenied() {
        let message = UnreadableFile(path: "/etc/rhythm/rhythm.yaml", errorNumber: EACCES).message
        #expect(message.hasPrefix("permission denied: the user "))
        #expect(message.contains("permissions"))
        #expect(message.contains("sudo -u rhythm rhythm check"))
        #expect(!message.contains("no file"))
    }

    @Test("a missing file, a missing directory and a directory each say so")
    func otherCauses() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rhythm-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let missingFile = UnreadableFile.probe(directory.appendingPathComponent("rhythm.yaml").path)
        #expect(missingFile.errorNumber == ENOENT)
        #expect(missingFile.message.hasPrefix("there is no file here; check the path"))
        let missingDirectory = UnreadableFile.probe(directory.appendingPathComponent("etc/rhythm.yaml").path)
        #expect(missingDirectory.message.contains("the directory \(directory.path)/etc does not exist"))
        #expect(UnreadableFile.probe(directory.path).message.hasPrefix("this is a directory"))
    }
}
