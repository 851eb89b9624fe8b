/// A syntax problem at a byte offset, before it is turned into a positioned diagnostic.
struct SyntaxFailure: Error, Sendable {
    var code: ExpressionDiagnostic.Code = .syntax
    var message: String
    var offset: Int
}
