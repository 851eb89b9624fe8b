/// Erases Wippy's gradual type syntax from Lua source, replacing every erased byte with a space
/// (newlines stay), so the result is plain Lua 5.4 with every line and column where it was.
///
/// Erased: annotations of locals, `for` variables, parameters (`a: string?`, `...: any`) and
/// returns (`): (string?, error?)`), generic parameters (`<T: Named>`), type aliases
/// (`type Status = "a" | "b"`, `export type ...`), casts (`x :: Config`, `x as Config`),
/// non-nil assertions (`user!`) and validators (`@min(0)`). The type grammar covers names,
/// dotted names, generic arguments, literals, `?`, unions `|`, intersections `&`, tables
/// (`{T}`, `{[K]: V}`, `{name: T, opt?: U}`), function types `(number) -> number` and variadics.
/// A type expression it cannot read is a ``LuaLoadError`` at its `file:line:col`.
enum TypeEraser {
    static func erase(_ source: String, chunkName: String) throws(LuaLoadError) -> String {
        let bytes = Array(source.utf8)
        var parser = TypeSyntaxParser(tokens: try LuaTokenizer.tokenize(bytes, file: chunkName), file: chunkName)
        try parser.run()
        guard !parser.erased.isEmpty else { return source }
        var output = bytes
        for range in parser.erased {
            for index in range where output[index] != UInt8(ascii: "\n") && output[index] != UInt8(ascii: "\r") {
                output[index] = UInt8(ascii: " ")
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
