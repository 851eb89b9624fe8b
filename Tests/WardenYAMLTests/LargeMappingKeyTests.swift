import Testing
import WardenValue
import WardenYAML

/// Duplicate keys are found the same way in small mappings (keys scanned) and in large ones
/// (keys indexed once the mapping grows past the scan limit).
@Suite struct LargeMappingKeyTests {
    static func mapping(keys: Int, duplicateOf first: Int? = nil, at line: Int? = nil) -> String {
        var lines = (1...keys).map { "k\($0): \($0)" }
        if let first, let line { lines.insert("k\(first): again", at: line - 1) }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(
        "a duplicate key names both lines, wherever it falls relative to the scan limit",
        arguments: [(40, 2, 10), (40, 2, 30), (40, 25, 35), (5, 1, 5)])
    func duplicates(keys: Int, first: Int, line: Int) throws {
        let error = try parseError(Self.mapping(keys: keys, duplicateOf: first, at: line))
        #expect(error.code == .duplicateKey)
        #expect(error.mark.description == "test.yaml:\(line):1")
        #expect(error.message.contains("`k\(first)`"))
        // The first occurrence keeps its line when the duplicate is inserted after it.
        #expect(error.message.contains("test.yaml:\(first):1"))
    }

    @Test("a large mapping without duplicates keeps every key in document order")
    func largeMappingKeepsOrder() throws {
        let root = try parseOne(Self.mapping(keys: 40))
        guard case .mapping(let pairs) = root.content else {
            Issue.record("the root must be a mapping")
            return
        }
        #expect(pairs.map { $0.key.scalarText } == (1...40).map { "k\($0)" })
    }

    @Test("a merge into a large mapping keeps the explicit keys over the merged ones")
    func mergeIntoLargeMapping() throws {
        let text =
            "base: &b {k3: merged, extra: yes}\nm:\n  <<: *b\n"
            + (1...20).map { "  k\($0): \($0)" }.joined(separator: "\n") + "\n"
        let root = try parseOne(text)
        let m = try at(root, "m")
        #expect(try at(m, "k3").scalarText == "3")
        #expect(try at(m, "extra").scalarText == "yes")
    }
}
