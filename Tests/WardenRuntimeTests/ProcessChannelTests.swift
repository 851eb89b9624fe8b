import Testing
import WardenRuntime

@Suite(.timeLimit(.minutes(5))) struct ProcessChannelTests {
    @Test func deliversInOrderToAWaitingReceiver() async {
        let channel = ProcessChannel<Int>()
        let receiver = Task { () -> [Int] in
            var got: [Int] = []
            for await n in channel {
                got.append(n)
                if got.count == 1_000 { break }
            }
            return got
        }
        for n in 0..<1_000 { channel.deliver(n) }
        #expect(await receiver.value == Array(0..<1_000))
    }

    @Test func closedChannelsDrainThenEnd() async {
        let channel = ProcessChannel<Int>()
        channel.deliver(1)
        channel.deliver(2)
        channel.close()
        #expect(!channel.deliver(3))
        #expect(await channel.receive() == 1)
        #expect(await channel.receive() == 2)
        #expect(await channel.receive() == nil)
        #expect(await channel.receive() == nil)
    }

    @Test func closingWakesWaitingReceivers() async {
        let channel = ProcessChannel<Int>()
        let receivers = (0..<10).map { _ in Task { await channel.receive() } }
        channel.close()
        for receiver in receivers { #expect(await receiver.value == nil) }
    }

    @Test func discardingCloseDropsBufferedElements() async {
        let channel = ProcessChannel<Int>()
        channel.deliver(1)
        channel.close(discarding: true)
        #expect(await channel.receive() == nil)
    }

    @Test func anAlreadyCancelledTaskReceivesNilWithoutWaiting() async {
        let channel = ProcessChannel<Int>()
        let receiver = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await channel.receive()
        }
        #expect(await receiver.value == nil)
        channel.deliver(5)
        #expect(channel.tryReceive() == 5)
    }

    @Test func cancellingATimedReceiveEndsItAndKeepsLaterElements() async {
        let channel = ProcessChannel<Int>()
        let started = ProcessChannel<Void>()
        let receiver = Task {
            started.deliver(())
            return await channel.receive(timeout: .seconds(60))
        }
        _ = await started.receive()
        receiver.cancel()
        #expect(await receiver.value == nil)
        channel.deliver(6)
        #expect(channel.tryReceive() == 6)
    }

    @Test func receiveWithTimeoutGivesUpWithoutLosingLaterElements() async {
        let channel = ProcessChannel<Int>()
        #expect(await channel.receive(timeout: .milliseconds(20)) == nil)
        channel.deliver(9)
        #expect(await channel.receive(timeout: .seconds(30)) == 9)
        #expect(channel.count == 0)
    }

    @Test func concurrentSendersLoseNothingAndKeepTheirOwnOrder() async {
        let channel = ProcessChannel<(sender: Int, seq: Int)>()
        let senders = 20
        let perSender = 500
        await withTaskGroup(of: Void.self) { group in
            for sender in 0..<senders {
                group.addTask {
                    for seq in 0..<perSender { channel.deliver((sender, seq)) }
                }
            }
            group.addTask {
                var next = [Int](repeating: 0, count: senders)
                for _ in 0..<(senders * perSender) {
                    guard let item = await channel.receive() else { break }
                    #expect(item.seq == next[item.sender])
                    next[item.sender] += 1
                }
                #expect(next == [Int](repeating: perSender, count: senders))
            }
        }
    }

    @Test func timeoutsRacingDeliveriesNeverLoseAnElement() async {
        let channel = ProcessChannel<Int>()
        let total = 300
        let producer = Task {
            for n in 0..<total {
                channel.deliver(n)
                if n % 7 == 0 { await Task.yield() }
            }
        }
        var received: [Int] = []
        while received.count < total {
            if let n = await channel.receive(timeout: .microseconds(50)) { received.append(n) }
        }
        await producer.value
        #expect(received == Array(0..<total))
    }
}
