import Testing
import WardenValue
import WardenYAML

@Suite struct FileTests {
    @Test func aFileIsParsedWithItsPathInEveryMark() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("app.yaml", "namespace: app\nentries:\n  - name: x\n")
        let docs = try YAMLParser().parseFile(at: path)
        #expect(docs.count == 1)
        let entries = try #require(try at(docs[0], "entries").sequenceItems)
        #expect(try at(entries[0], "name").mark == Mark(file: path, line: 3, column: 11))
    }

    @Test func invalidUTF8IsRejectedAtTheFirstBadByte() throws {
        let dir = try TemporaryDirectory()
        // Line 2 is `b: caf` followed by a lone 0xC3 lead byte (column 7).
        let path = try dir.write("bad.yaml", bytes: Array("a: 1\nb: caf".utf8) + [0xC3, 0x0A])
        do {
            let docs = try YAMLParser().parseFile(at: path)
            Issue.record("expected an error, parsed \(docs.count) document(s)")
        } catch {
            #expect(error.code == .invalidUTF8)
            #expect(error.mark == Mark(file: path, line: 2, column: 7))
        }
    }

    @Test func aUTF16FileIsRejectedAsInvalidUTF8() throws {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00, 0x20, 0x00, 0x31, 0x00]
        #expect(throws: YAMLError.self) { try YAMLParser().parse(bytes: bytes, file: "u16.yaml") }
    }

    @Test func aUTF8ByteOrderMarkIsAccepted() throws {
        let docs = try YAMLParser().parse(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), file: "bom.yaml")
        #expect(try docs.first?.value == .map(["a": .int(1)]))
    }

    @Test func aMissingFileIsUnreadable() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("absent.yaml").path
        do {
            let docs = try YAMLParser().parseFile(at: path)
            Issue.record("expected an error, parsed \(docs.count) document(s)")
        } catch {
            #expect(error.code == .unreadableFile)
            #expect(error.message == "cannot read `\(path)`: no such file or directory")
            #expect(error.description.hasPrefix("\(path):1:1: error[unreadable-file]: "))
        }
    }

    @Test func aDirectoryIsUnreadable() throws {
        let dir = try TemporaryDirectory()
        do {
            let docs = try YAMLParser().parseFile(at: dir.url.path)
            Issue.record("expected an error, parsed \(docs.count) document(s)")
        } catch {
            #expect(error.code == .unreadableFile)
            #expect(error.message.contains("directory"))
        }
    }

    @Test func aMultiDocumentStreamGivesOneNodePerDocument() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("multi.yaml", "a: 1\n---\nb: 2\n...\n---\n- x\n")
        let docs = try YAMLParser().parseFile(at: path)
        #expect(try docs.map { try $0.value } == [.map(["a": .int(1)]), .map(["b": .int(2)]), .list([.string("x")])])
        #expect(docs.map(\.mark.line) == [1, 3, 6])
    }

    @Test(arguments: ["", "\n", "# only a comment\n"])
    func anEmptyStreamHasNoDocuments(text: String) throws {
        #expect(try YAMLParser().parse(text: text).isEmpty)
    }

    @Test func anExplicitEmptyDocumentIsNull() throws {
        let docs = try YAMLParser().parse(text: "---\n---\n# nothing\n")
        #expect(docs.count == 2)
        #expect(docs.allSatisfy { $0.isNull })
    }
}
