import WardenValue

/// Loads expressions: parses, checks and compiles them once, for evaluating many times.
public enum ExpressionCompiler {
    /// Compiles `source`, or returns every problem found with its position in `source`.
    public static func compile(_ source: String, limits: ExpressionLimits = .default) -> Result<
        CompiledExpression, ExpressionDiagnostics
    > {
        compile(source, limits: limits, typeChecks: true)
    }

    /// Compiles with or without the type checks (`expr-type`, `expr-not-boolean`); tests turn
    /// them off to compare the evaluator with a reference on expressions the checks would reject.
    static func compile(_ source: String, limits: ExpressionLimits, typeChecks: Bool) -> Result<
        CompiledExpression, ExpressionDiagnostics
    > {
        let text = SourceText(source)
        let bytes = text.bytes
        let map = SourceMap(bytes)
        guard bytes.count <= limits.maxSourceLength else {
            return .failure(
                ExpressionDiagnostics([
                    ExpressionDiagnostic(
                        code: .tooLong,
                        message:
                            "expression is \(bytes.count) bytes long, more than the limit of \(limits.maxSourceLength); split the policy into several",
                        position: .start)
                ]))
        }
        let parsed: Expr
        do throws(SyntaxFailure) {
            var parser = Parser(tokens: try Lexer.tokenize(bytes), limits: limits)
            parsed = try parser.parseAll()
        } catch {
            return .failure(
                ExpressionDiagnostics([
                    ExpressionDiagnostic(code: error.code, message: error.message, position: map.position(error.offset))
                ]))
        }
        var checker = Checker(text: text, map: map, limits: limits, typeChecks: typeChecks)
        let (tree, kinds) = checker.checkRoot(parsed)
        guard checker.diagnostics.isEmpty else { return .failure(ExpressionDiagnostics(checker.diagnostics)) }
        return .success(
            CompiledExpression(source: source, text: text, limits: limits, tree: tree, kinds: kinds, map: map))
    }
}
