import Testing
import WardenYAML

@Suite struct MarkTests {
    @Test func nestedNodesCarryHandCountedLineAndColumn() throws {
        let text = """
            name: top
            items:
              - a
              - key: value
                other: [1, 2]

            """
        let root = try parseOne(text)
        #expect(position(root) == [1, 1])
        let namePair = try #require(root[key: "name"])
        #expect(position(namePair.key) == [1, 1])
        #expect(position(namePair.value) == [1, 7])
        let items = try at(root, "items")
        #expect(position(items) == [3, 3])
        let list = try #require(items.sequenceItems)
        #expect(position(list[0]) == [3, 5])
        #expect(position(list[1]) == [4, 5])
        let keyPair = try #require(list[1][key: "key"])
        #expect(position(keyPair.key) == [4, 5])
        #expect(position(keyPair.value) == [4, 10])
        let other = try #require(list[1][key: "other"])
        #expect(position(other.key) == [5, 5])
        #expect(position(other.value) == [5, 12])
        let numbers = try #require(other.value.sequenceItems)
        #expect(numbers.map(position) == [[5, 13], [5, 16]])
    }

    @Test func marksCarryTheFileLabel() throws {
        let root = try parseOne("a: 1\n", file: "policies/app.yaml")
        #expect(try at(root, "a").mark.description == "policies/app.yaml:1:4")
    }

    @Test func columnsCountUnicodeScalarsNotBytesOrCharacters() throws {
        // `名前` is 2 scalars (6 bytes); 🎉 is 1 scalar (4 bytes); `é` written as e + U+0301 is
        // 2 scalars but 1 character.
        let text = "名前: 値\n🎉: x\ne\u{301}: v\n"
        let root = try parseOne(text)
        #expect(position(try at(root, "名前")) == [1, 5])
        #expect(position(try at(root, "🎉")) == [2, 4])
        let pairs = try #require(root.mappingPairs)
        #expect(position(pairs[2].value) == [3, 5])
    }
}
