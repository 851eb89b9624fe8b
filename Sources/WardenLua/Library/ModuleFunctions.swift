import Foundation
import WardenRuntime
import WardenValue

extension LuaProcess {
    /// The Swift side of the `json`, `uuid` and `ctx` modules.
    func moduleCall(_ function: LuaFunctionID, on stack: LuaStack) throws(ProcessError) -> LuaReturn {
        switch function {
        case .jsonEncode:
            let value = try LuaValueReader.read(stack, at: 1, what: "json value")
            stack.push(value.canonicalJSON)
        case .jsonDecode:
            let text = try stringArgument(stack, at: 1, what: "json text")
            do {
                stack.push(value: try Value(json: text))
            } catch {
                throw ProcessError(.invalid, "invalid json: \(error)", code: "invalid-json")
            }
        case .uuidV4:
            stack.push(UUID().uuidString.lowercased())
        case .uuidV7:
            stack.push(LuaProcess.uuidV7())
        case .contextGet:
            let key = try stringArgument(stack, at: 1, what: "context key")
            guard let value = context.contextValues[key] else {
                throw ProcessError(
                    .notFound, "no context value `\(key)`; hint: the spawner sets them with `with_context`",
                    code: "not-found")
            }
            stack.push(value: value)
        case .contextAll:
            stack.push(value: .map(context.contextValues))
        default:
            return .raise("not a module function")
        }
        return .results(1)
    }

    /// A version 7 UUID: 48 bits of Unix milliseconds, then random bits.
    static func uuidV7() -> String {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255) }
        let milliseconds = UInt64(max(0, LuaTimer.nowNanoseconds() / 1_000_000))
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
        bytes[6] = (bytes[6] & 0x0F) | 0x70
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(
                hex[
                    hex.index(
                        hex.startIndex, offsetBy: range.lowerBound)..<hex.index(
                            hex.startIndex, offsetBy: range.upperBound)])
        }
        return parts.joined(separator: "-")
    }
}
