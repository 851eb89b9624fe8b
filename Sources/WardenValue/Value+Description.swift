extension Value: CustomStringConvertible {
    /// The value as compact JSON (strings quoted), for messages and `--explain` output.
    public var description: String { canonicalJSON }
}
