import Foundation
import Testing
import WardenGateway
import WardenPolicy

@Suite("policy store reload", .timeLimit(.minutes(5)))
struct PolicyStoreReloadTests {
    @Test("a tree whose policy files are gone is not reloaded as an empty set")
    func reloadOfAnEmptiedTreeKeepsTheOldSet() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warden-store-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/p.yaml"
        try """
        namespace: t
        entries:
          - name: p
            kind: security.policy
            policy: {actions: "*", resources: "*", effect: allow}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let store = try PolicyStore(loading: [directory])
        let before = store.revision
        try FileManager.default.removeItem(atPath: file)
        let result = store.reload()
        #expect(result.errors.map(\.code) == [.noPolicyFiles])
        #expect(store.revision == before)
        #expect(store.snapshot.policyIDs == ["t:p"])
    }
}
