import Testing

@testable import WardenValue

/// The byte writers the answers of `warden serve` and the audit records are built with.
@Suite("JSON written as bytes")
struct JSONObjectBytesTests {
    /// A fixed fragment is appended byte for byte, after what the buffer held, non-ASCII included.
    @Test func aLiteralIsAppendedAsItsUTF8Bytes() {
        var bytes: [UInt8] = [0x7B]
        bytes.append(literal: #""caf\#u{e9}":"#)
        bytes.append(literal: "")
        #expect(bytes == [0x7B] + Array(#""café":"#.utf8))
    }

    /// An ordered object keeps its members' order, writes values as canonical JSON and escapes
    /// keys; its bytes and its text are the same JSON.
    @Test func anObjectWritesItsMembersInOrder() {
        var inner = JSONObject()
        inner.add("z", .int(1))
        inner.add("a", .null)
        var object = JSONObject()
        object.add("b\"", .map(["y": .bool(true), "x": .double(1.5)]))
        object.add("inner", inner)
        object.add("list", [inner, JSONObject()])
        object.add("names", strings: ["n\n"])
        let expected =
            #"{"b\"":{"x":1.5,"y":true},"inner":{"z":1,"a":null},"list":[{"z":1,"a":null},{}],"names":["n\n"]}"#
        #expect(object.text == expected)
        #expect(object.bytes == Array(expected.utf8))
        var batch: [UInt8] = []
        JSONObject.write([object, inner], into: &batch)
        #expect(String(decoding: batch, as: UTF8.self) == "[\(expected),{\"z\":1,\"a\":null}]")
    }
}
