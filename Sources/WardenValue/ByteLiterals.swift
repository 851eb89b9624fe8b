extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of `literal` as one block. Encoders append many short fixed
    /// fragments (`{"caller":`); a `String` literal's `.utf8` view checks the string's
    /// representation before its bytes can be copied.
    @inlinable
    package mutating func append(literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }
}
