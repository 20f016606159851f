import Foundation
import TestSupport
import Testing
@testable import Core

@Suite struct OrderedParallelMapTests {
    // The maps below sleep and wait in their workers, the calling thread among them: they run
    // through OffPool so no thread of the concurrency pool blocks.
    @Test func resultsComeBackInInputOrder() async {
        // Uneven costs make later items finish before earlier ones on other threads.
        let items = Array(0..<200)
        let results = await OffPool.run {
            OrderedParallelMap.map(items, width: 4) { item -> String in
                if item % 7 == 0 { Thread.sleep(forTimeInterval: 0.001) }
                return "item \(item)"
            }
        }
        #expect(results == items.map { "item \($0)" })
    }

    @Test func usesSeveralThreadsWhenAsked() async {
        // The first item waits for the second: that only ends quickly when another worker takes it.
        let second = DispatchSemaphore(value: 0)
        let threads = LockedValue(Set<String>())
        let waited = await OffPool.run {
            OrderedParallelMap.map(Array(0..<8), width: 2) { item -> Bool in
                threads.withLock { _ = $0.insert("\(pthread_self())") }
                if item == 1 { second.signal() }
                return item == 0 ? second.wait(timeout: .now() + 20) == .success : true
            }
        }
        #expect(waited.allSatisfy { $0 })
        #expect(threads.withLock { $0.count } == 2)
    }

    @Test func smallAndSerialInputsStayOnTheCallingThread() {
        let caller = "\(pthread_self())"
        let few = OrderedParallelMap.map([1, 2, 3], width: 8) { _ in "\(pthread_self())" }
        #expect(few.allSatisfy { $0 == caller })
        let serial = OrderedParallelMap.map(Array(0..<20), width: 1) { _ in "\(pthread_self())" }
        #expect(serial.allSatisfy { $0 == caller })
        #expect(OrderedParallelMap.map([Int](), width: 4) { $0 }.isEmpty)
    }
}
