import FuzzSupport
import WardenExpression
import WardenValue

/// A fixed environment the compiled expressions run in.
let environment = ExpressionEnvironment(
    actor: Actor(id: "user:alice", meta: ["role": "admin", "level": 3, "tags": ["a", "b"]]),
    action: "process.send", resource: "app.cache",
    meta: ["topic": "get", "size": 12, "ratio": 0.5, "ok": true, "nested": ["k": ["v", 1]]])

/// One input: an expression's source. It goes through the lexer, parser and checker; what
/// compiles is evaluated (value, boolean and explained) in the fixed environment.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let source = String(decoding: UnsafeRawBufferPointer(fuzzInput: start, count: count), as: UTF8.self)
    guard case .success(let expression) = ExpressionCompiler.compile(source) else { return 0 }
    _ = expression.evaluate(environment)
    _ = expression.evaluateBool(environment)
    _ = expression.explain(environment)
    return 0
}

/// The entry point: libFuzzer's driver over ``fuzzExpression(_:_:)``.
@main enum FuzzExpressionMain {
    static func main() { FuzzerDriver.run(fuzzExpression) }
}
