/// One libyaml parse event, copied into Swift values (internal to the parser).
enum ParseEvent {
    /// Start of the stream.
    case streamStart
    /// End of the stream.
    case streamEnd
    /// Start of a document.
    case documentStart
    /// End of a document.
    case documentEnd
    /// `*name`.
    case alias(anchor: String, mark: Mark)
    /// A scalar with its text, style, tag and anchor.
    case scalar(text: String, style: ScalarStyle, tag: String?, anchor: String?, mark: Mark)
    /// Start of a sequence.
    case sequenceStart(tag: String?, anchor: String?, mark: Mark)
    /// End of a sequence.
    case sequenceEnd
    /// Start of a mapping.
    case mappingStart(tag: String?, anchor: String?, mark: Mark)
    /// End of a mapping.
    case mappingEnd
}
