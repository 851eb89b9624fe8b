import FuzzSupport
import WardenLua
import WardenValue

/// One input, two ways in: its text as Lua source through the type eraser, which must keep every
/// byte count and newline where it was (errors point at `file:line:col` of the original); and,
/// when it is a JSON value, that value into a Lua state and back, which must return it unchanged
/// when it holds no null and no empty list (the two things a Lua table cannot keep).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLua(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(fuzzInput: start, count: count), as: UTF8.self)
    if let erased = LuaFuzzing.erase(text) {
        let before = Array(text.utf8)
        let after = Array(erased.utf8)
        guard before.count == after.count else {
            fatalError("erasing changed the length: \(before.count) -> \(after.count) bytes")
        }
        for (index, (old, new)) in zip(before, after).enumerated()
        where (old == UInt8(ascii: "\n")) != (new == UInt8(ascii: "\n")) {
            fatalError("erasing moved a newline at byte \(index)")
        }
    }
    if let value = try? Value(json: text) {
        let back = LuaFuzzing.roundTrip(value)
        if keepsItsShape(value), back != value {
            fatalError("\(value) came back from Lua as \(String(describing: back))")
        }
    }
    return 0
}

/// Whether a Lua table can hold `value` exactly: no null anywhere (a nil member is no member)
/// and no empty list (an empty table reads as an empty map).
func keepsItsShape(_ value: Value) -> Bool {
    switch value {
    case .null: false
    case .list(let items): !items.isEmpty && items.allSatisfy(keepsItsShape)
    case .map(let members): members.values.allSatisfy(keepsItsShape)
    default: true
    }
}

/// The entry point: libFuzzer's driver over ``fuzzLua(_:_:)``.
@main enum FuzzLuaMain {
    static func main() { FuzzerDriver.run(fuzzLua) }
}
