/// Where an index files a pattern.
enum PatternIndexKey: Hashable {
    /// Only these exact bytes match.
    case exact([UInt8])
    /// Every match starts with these bytes.
    case prefix([UInt8])
    /// Anything may match.
    case none
}
