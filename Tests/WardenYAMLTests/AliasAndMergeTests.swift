import Testing
import WardenValue
import WardenYAML

@Suite struct AliasAndMergeTests {
    @Test func anAliasIsACopyOfTheAnchoredNodeWithItsMark() throws {
        let root = try parseOne("a: &x {k: v, n: [1, 2]}\nb: *x\nc: &s text\nd: *s\n")
        let a = try at(root, "a")
        let b = try at(root, "b")
        #expect(b == a)
        #expect(position(b) == [1, 4])
        #expect(
            try root.value
                == .map([
                    "a": .map(["k": .string("v"), "n": .list([.int(1), .int(2)])]),
                    "b": .map(["k": .string("v"), "n": .list([.int(1), .int(2)])]),
                    "c": .string("text"), "d": .string("text"),
                ]))
    }

    @Test func aRedefinedAnchorAppliesToLaterAliases() throws {
        let root = try parseOne("- &x 1\n- *x\n- &x 2\n- *x\n")
        #expect(try root.value == .list([.int(1), .int(1), .int(2), .int(2)]))
    }

    @Test func anUnknownAliasIsAnErrorAtTheAlias() throws {
        let error = try parseError("a: 1\nb: *nope\n")
        #expect(error.code == .unknownAlias)
        #expect(error.description == "test.yaml:2:4: error[unknown-alias]: unknown alias `*nope`")
        #expect(error.hint.contains("&nope"))
    }

    @Test func anchorsDoNotCrossDocuments() throws {
        let error = try parseError("a: &x 1\n---\nb: *x\n")
        #expect(error.code == .unknownAlias)
        #expect(error.mark.description == "test.yaml:3:4")
    }

    @Test func anAliasInsideItsOwnAnchoredNodeIsRejected() throws {
        let error = try parseError("a: &x [1, *x]\n")
        #expect(error.code == .recursiveAlias)
        #expect(error.mark.description == "test.yaml:1:11")
    }

    @Test func aMergeKeyCopiesTheMappingsPairs() throws {
        let root = try parseOne("base: &b {x: 1, y: 2}\nchild:\n  <<: *b\n  z: 3\n")
        #expect(try at(root, "child").value == .map(["x": .int(1), "y": .int(2), "z": .int(3)]))
    }

    @Test func explicitKeysWinOverMergedOnesAndEarlierMergedMapsWin() throws {
        let text = """
            base: &base {a: 1, b: 2}
            other: &other {b: 3, c: 4}
            child:
              <<: [*base, *other]
              a: 10

            """
        let child = try at(try parseOne(text), "child")
        #expect(try child.value == .map(["a": .int(10), "b": .int(2), "c": .int(4)]))
        // Merged pairs take the place of the `<<` key, explicit ones stay in document order.
        #expect(child.mappingPairs?.compactMap(\.key.scalarText) == ["b", "c", "a"])
        // A merged pair keeps the marks of where it was written.
        let merged = try at(child, "b")
        #expect(position(merged) == [1, 23])
    }

    @Test func anExplicitKeyBeforeTheMergeKeyAlsoWins() throws {
        let child = try at(try parseOne("b: &b {k: merged}\nc:\n  k: own\n  <<: *b\n"), "c")
        #expect(try child.value == .map(["k": .string("own")]))
    }

    @Test func aQuotedMergeKeyIsAnOrdinaryKey() throws {
        let root = try parseOne("\"<<\": {a: 1}\n")
        #expect(try root.value == .map(["<<": .map(["a": .int(1)])]))
    }

    @Test(arguments: [
        ("c:\n  <<: 5\n", [2, 7]),
        ("b: &b {k: 1}\nc:\n  <<: [*b, text]\n", [3, 12]),
        ("c:\n  <<: [[1]]\n", [2, 8]),
    ])
    func aMergeOfSomethingOtherThanMappingsIsInvalid(text: String, expectedPosition: [Int]) throws {
        let error = try parseError(text)
        #expect(error.code == .invalidMerge)
        #expect([error.mark.line, error.mark.column] == expectedPosition)
        #expect(error.message.contains("mapping"))
    }

    @Test func aDuplicateKeyNamesBothLocations() throws {
        let error = try parseError("a: 1\nb: 2\na: 3\n")
        #expect(error.code == .duplicateKey)
        #expect(error.mark.description == "test.yaml:3:1")
        #expect(error.message.contains("`a`"))
        #expect(error.message.contains("test.yaml:1:1"))
        #expect(error.message.contains("test.yaml:3:1"))
    }

    @Test func keysDifferingOnlyInQuotingAreDuplicates() throws {
        let error = try parseError("x:\n  1: a\n  \"1\": b\n")
        #expect(error.code == .duplicateKey)
        #expect(error.message.contains("test.yaml:2:3"))
        #expect(error.mark.description == "test.yaml:3:3")
    }

    @Test func twoMergeKeysInOneMappingAreDuplicates() throws {
        let error = try parseError("a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a\n")
        #expect(error.code == .duplicateKey)
        #expect(error.mark.description == "test.yaml:4:3")
    }

    @Test func theSameKeyInDifferentMappingsIsFine() throws {
        let root = try parseOne("a: {k: 1}\nb: {k: 2}\n")
        #expect(try root.value == .map(["a": .map(["k": .int(1)]), "b": .map(["k": .int(2)])]))
    }
}
