import Testing
import WardenYAML

@Suite struct LimitTests {
    @Test func textLargerThanTheByteLimitIsRefused() throws {
        let limits = YAMLLimits(maxBytes: 16)
        #expect(try parseOne("a: 123456789012\n", limits: limits).isScalar == false)  // 16 bytes
        let error = try parseError("a: 1234567890123\n", limits: limits)  // 17 bytes
        #expect(error.code == .fileTooLarge)
        #expect(error.message.contains("16 bytes"))
    }

    @Test func aFileLargerThanTheDefaultLimitIsRefused() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("big.yaml", bytes: [UInt8](repeating: UInt8(ascii: "#"), count: 8 * 1024 * 1024 + 1))
        do {
            let docs = try YAMLParser().parseFile(at: path)
            Issue.record("expected an error, parsed \(docs.count) document(s)")
        } catch {
            #expect(error.code == .fileTooLarge)
            #expect(error.mark.file == path)
        }
    }

    @Test func aFileExactlyAtTheLimitIsRead() throws {
        let dir = try TemporaryDirectory()
        let text = "a: 1\n" + String(repeating: "#", count: 59) + "\n"  // 5 + 60 = 65 bytes
        let path = try dir.write("edge.yaml", text)
        let docs = try YAMLParser(limits: YAMLLimits(maxBytes: 65)).parseFile(at: path)
        #expect(docs.count == 1)
        #expect(throws: YAMLError.self) { try YAMLParser(limits: YAMLLimits(maxBytes: 64)).parseFile(at: path) }
    }

    @Test func nestingUpToTheDepthLimitIsAccepted() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try parseOne(text).sequenceItems?.count == 1)
    }

    @Test func oneHundredNestedListsExceedTheDepthLimit() throws {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let error = try parseError(text)
        #expect(error.code == .tooDeep)
        #expect(error.mark.description == "test.yaml:1:65")  // the 65th `[`
        #expect(error.message.contains("64"))
    }

    @Test func anAliasThatWouldNestTooDeeplyIsRefused() throws {
        // `*a` is 60 levels deep; it sits inside the mapping and 5 lists: 66 levels.
        let deep = String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
        let text = "a: &a \(deep)\nb: [[[[[*a]]]]]\n"
        let error = try parseError(text)
        #expect(error.code == .tooDeep)
        #expect(error.mark.description == "test.yaml:2:9")
    }

    @Test func theClassicBillionLaughsFailsAtTheFirstAliasOverTheNodeLimit() throws {
        let text = """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]

            """
        // Expanded sizes: a 10, b 91, c 820, d 7381, e 66430, f 597871 nodes. Through line 6 the
        // stream holds 672,610 nodes (mapping, 6 keys, 6 values); line 7 adds its key and list
        // (672,612) and the first `*f` adds 597,871 more, crossing 1,000,000.
        let error = try parseError(text)
        #expect(error.code == .tooManyNodes)
        #expect(error.mark.description == "test.yaml:7:8")
        #expect(error.message.contains("1000000"))
    }

    @Test func theNodeLimitCountsNodesWithoutAliasesToo() throws {
        let text = "[" + Array(repeating: "0", count: 20).joined(separator: ",") + "]"
        let error = try parseError(text, limits: YAMLLimits(maxNodes: 20))
        #expect(error.code == .tooManyNodes)
        #expect(error.mark.description == "test.yaml:1:40")  // the 20th `0`, the 21st node
        #expect(try parseOne(text, limits: YAMLLimits(maxNodes: 21)).sequenceItems?.count == 20)
    }
}
