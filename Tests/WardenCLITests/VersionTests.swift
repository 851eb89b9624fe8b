import Testing
import WardenCLI

@Suite("warden --version", .timeLimit(.minutes(5)))
struct VersionTests {
    @Test("--version prints the release version and exits 0")
    func printsVersion() async {
        let result = await PolicyCLI.run(["--version"])
        #expect(result.code == 0)
        #expect(result.outputLines == [WardenVersion.current])
        #expect(result.errors.isEmpty)
    }

    @Test("the version is MAJOR.MINOR.PATCH")
    func versionShape() {
        let parts = WardenVersion.current.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) })
    }

    @Test("the built binary answers --version")
    func binaryVersion() async throws {
        let result = try await PolicyCLIBinary.run(["--version"])
        #expect(result.code == 0)
        #expect(result.output == WardenVersion.current + "\n")
    }
}
