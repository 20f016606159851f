import Core
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import MockServer

@Suite("Bounded stores")
struct StoreBoundsTests {
    @Test("the least recently used entry is evicted at capacity; a read refreshes an entry")
    func lru() {
        var store = BoundedStore<Int>(capacity: 2)
        store.set("a", 1)
        store.set("b", 2)
        _ = store.get("a")
        #expect(store.set("c", 3) == "b")
        #expect(store.count == 2 && store.peek("a") == 1 && store.peek("b") == nil)
    }

    @Test("the audio store stays at its capacity and drops expired ids")
    func audio() async {
        let store = AudioStore(capacity: 3)
        for i in 0..<10 { await store.remember(id: "audio_\(i)", transcript: "t", expiresAt: 2_000, now: 1_000) }
        #expect(await store.count == 3)
        #expect(await store.lookup("audio_0", now: 1_000) == nil)
        #expect(await store.lookup("audio_9", now: 1_000) != nil)
        await store.remember(id: "late", transcript: "t", expiresAt: 9_000, now: 3_000)
        #expect(await store.count == 1)
    }

    @Test("through the server: old image URLs and threads are evicted with a small storeCapacity")
    func serverStores() async throws {
        var profile = MockProfile.default
        profile.storeCapacity = 2
        try await Fixture.app(profile: profile).test(.router) { client in
            var urls: [String] = []
            for i in 0..<3 {
                let reply = try await Fixture.call(
                    client, .post, Fixture.deploymentPath("dall-e-3", "/images/generations"),
                    json: .object(["prompt": .string("image \(i)"), "size": .string("256x256")]))
                let url = try #require(reply.json?["data"]?[0]?["url"]?.stringValue)
                urls.append(String(url[try #require(url.range(of: ImagesAnswer.downloadPrefix)).lowerBound...]))
            }
            #expect(try await Fixture.call(client, .get, urls[0], headers: [:]).status == .notFound)
            #expect(try await Fixture.call(client, .get, urls[2], headers: [:]).status == .ok)

            let v = "?api-version=2024-05-01-preview"
            var threads: [String] = []
            for _ in 0..<3 {
                threads.append(try #require(try await Fixture.call(client, .post, "/openai/threads" + v, json: .object([:])).json?["id"]?.stringValue))
            }
            #expect(try await Fixture.call(client, .get, "/openai/threads/\(threads[0])" + v).status == .notFound)
            #expect(try await Fixture.call(client, .get, "/openai/threads/\(threads[2])" + v).status == .ok)
        }
    }
}
