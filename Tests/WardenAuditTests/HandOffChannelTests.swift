import Testing

@testable import WardenAuditReview

@Suite("hand-off channel")
struct HandOffChannelTests {
    @Test func aChannelDroppedWithMessagesStillInItIsReleasedCleanly() {
        // A cursor left before the end drops its channel while the reader's messages wait in it.
        for capacity in [1, 2, 8] {
            let channel = HandOffChannel<Int>(capacity: capacity)
            for message in 0..<capacity { #expect(channel.send(message)) }
            if capacity > 1 { #expect(channel.receive() == 0) }
            channel.cancel()
        }
    }

    @Test func messagesArriveInOrderAndACancelledChannelRefusesMore() {
        let channel = HandOffChannel<Int>(capacity: 3)
        for message in 1...3 { #expect(channel.send(message)) }
        #expect([channel.receive(), channel.receive(), channel.receive()] == [1, 2, 3])
        channel.cancel()
        #expect(!channel.send(4))
    }
}
