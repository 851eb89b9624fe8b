import Foundation
import Testing
import WardenPolicy

/// The directory rules of spec section 1: what a path expands to, and what is reported on the way.
@Suite("finding policy files")
struct PolicyFileListTests {
    static let policyFile = """
        namespace: app
        entries:
          - name: p
            kind: security.policy
            policy: {actions: "*", resources: "*", effect: allow}

        """

    @Test func aFIFOInADirectoryIsSkippedWithAWarningAndNeverOpened() throws {
        try withTemporaryDirectory { dir in
            try write(Self.policyFile, to: "a.yaml", in: dir)
            #expect(mkfifo(dir + "/pipe.yaml", 0o600) == 0)
            // Opening the FIFO would block this test forever: loading must not open it.
            let result = PolicyLoader().load(path: dir)
            #expect(result.policySet?.policyIDs == ["app:p"])
            #expect(result.files == [dir + "/a.yaml"])
            #expect(result.diagnostics.map(\.code) == [.skippedSpecialFile])
            #expect(result.diagnostics.first?.isError == false)
            #expect(
                result.diagnostics.first?.message
                    == "`\(dir)/pipe.yaml` is a named pipe (FIFO), not a regular file; skipped")
        }
    }

    @Test func anExplicitFIFOIsReadLikeAPipe() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("warden-fifo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/policies"
        #expect(mkfifo(fifo, 0o600) == 0)
        // A writer on another thread, as a shell's process substitution would be.
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)
            handle?.write(Data(Self.policyFile.utf8))
            try? handle?.close()
        }
        writer.start()
        let result = PolicyLoader().load(path: fifo)
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.policySet?.policyIDs == ["app:p"])
        #expect(result.files == [fifo])
    }

    @Test func anEmptyDirectoryIsAnError() throws {
        try withTemporaryDirectory { dir in
            try write("just notes", to: "README.md", in: dir)
            let result = PolicyLoader().load(path: dir)
            #expect(result.policySet == nil)
            #expect(result.errors.map(\.code) == [.noPolicyFiles])
            #expect(result.errors.first?.message == "no policy file found in `\(dir)`")
        }
    }

    @Test func anEmptyDirectoryLoadsAsAnEmptySetWhenAllowed() throws {
        try withTemporaryDirectory { dir in
            let result = PolicyLoader(allowsEmpty: true).load(path: dir)
            #expect(result.diagnostics.isEmpty)
            #expect(result.policySet?.policyIDs == [])
        }
    }

    @Test func aSymlinkedDirectoryIsFollowed() throws {
        try withTemporaryDirectory { dir in
            try write(Self.policyFile, to: "real/security/p.yaml", in: dir)
            try FileManager.default.createDirectory(atPath: dir + "/tree", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: dir + "/tree/security", withDestinationPath: dir + "/real/security")
            let result = PolicyLoader().load(path: dir + "/tree")
            #expect(result.diagnostics.map(\.description) == [])
            #expect(result.policySet?.policyIDs == ["app:p"])
            #expect(result.files == [dir + "/tree/security/p.yaml"])
        }
    }

    @Test func aSymlinkBackIntoTheTreeIsReportedAsALoopAndNotFollowed() throws {
        try withTemporaryDirectory { dir in
            try write(Self.policyFile, to: "tree/sub/p.yaml", in: dir)
            try FileManager.default.createSymbolicLink(
                atPath: dir + "/tree/sub/back", withDestinationPath: dir + "/tree")
            let result = PolicyLoader().load(path: dir + "/tree")
            #expect(result.policySet?.policyIDs == ["app:p"])
            #expect(result.files == [dir + "/tree/sub/p.yaml"])
            #expect(result.diagnostics.map(\.code) == [.symlinkLoop])
            #expect(result.diagnostics.first?.isError == false)
            #expect(result.diagnostics.first?.message.contains("leads back to `\(dir)/tree`") == true)
        }
    }

    @Test func anExplicitSymlinkLoopIsALoopNotAMissingFile() throws {
        try withTemporaryDirectory { dir in
            try FileManager.default.createSymbolicLink(atPath: dir + "/a", withDestinationPath: dir + "/b")
            try FileManager.default.createSymbolicLink(atPath: dir + "/b", withDestinationPath: dir + "/a")
            let result = PolicyLoader().load(path: dir + "/a")
            #expect(result.errors.map(\.code) == [.symlinkLoop])
            #expect(result.errors.first?.message == "symbolic link loop at `\(dir)/a`")
        }
    }

    @Test func aLinkLoopInsideADirectoryIsAWarning() throws {
        try withTemporaryDirectory { dir in
            try write(Self.policyFile, to: "p.yaml", in: dir)
            try FileManager.default.createSymbolicLink(atPath: dir + "/self", withDestinationPath: dir + "/self")
            let result = PolicyLoader().load(path: dir)
            #expect(result.policySet?.policyIDs == ["app:p"])
            #expect(result.diagnostics.map(\.code) == [.symlinkLoop])
            #expect(result.diagnostics.first?.isError == false)
        }
    }

    @Test func theFileListIsExposedWithoutReadingFiles() throws {
        try withTemporaryDirectory { dir in
            try write("not: [yaml", to: "b/z.yml", in: dir)
            try write("ignored", to: "b/notes.txt", in: dir)
            try write("also not read", to: "a.yaml", in: dir)
            let list = PolicyLoader().files(in: [dir, dir + "/b/notes.txt"])
            #expect(list.files == [dir + "/a.yaml", dir + "/b/z.yml", dir + "/b/notes.txt"])
            #expect(list.diagnostics.isEmpty)
        }
    }

    @Test func failedPoliciesAreCountedApartFromValidOnes() throws {
        try withTemporaryDirectory { dir in
            try write(
                """
                namespace: app
                entries:
                  - name: good
                    kind: security.policy
                    policy: {actions: "*", resources: "*", effect: allow}
                  - name: bad_effect
                    kind: security.policy
                    policy: {actions: "*", resources: "*", effect: Allow}
                  - name: bad_expression
                    kind: security.policy.expr
                    policy: {actions: "*", resources: "*", effect: allow, expression: "actor.id =="}
                  - name: good
                    kind: security.policy
                    policy: {actions: "*", resources: "*", effect: deny}
                  - name: other
                    kind: process.lua
                """, to: "p.yaml", in: dir)
            let result = PolicyLoader().load(path: dir)
            #expect(result.validPolicyCount == 1)
            #expect(result.failedPolicyCount == 3)
        }
    }
}
