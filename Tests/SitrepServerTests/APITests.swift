import Foundation
import Testing
@testable import SitrepServer
@testable import SitrepStore

/// Each endpoint of a live server over the fixture store, with exact answers, and the error cases.
@Suite struct APITests {
    func expected(_ name: String) throws -> String {
        try String(contentsOfFile: LiveServer.repo.appendingPathComponent("Tests/Fixtures/Server/expected/\(name)").path, encoding: .utf8)
    }

    @Test func readsAnswerExactJSON() async throws {
        let s = try await LiveServer.start()
        defer { s.stop() }
        let health = try await s.get("/healthz")
        #expect(health.status == 200)
        #expect(health.text == #"{"status":"ok","documents":3,"events":5,"changes":2,"revision":"3-3-5-5-2-2"}"#)
        #expect(try await s.get("/api/control?country=sd").text == expected("control-sd.json"))
        // a place spelled as the news spells it, resolved through the gazetteer
        #expect(try await s.get("/api/timeline?place=Wad+Madani").text == expected("timeline-wad-madani.json"))
        #expect(try await s.get("/api/events?limit=2").text == expected("events-limit-2.json"))
        #expect(try await s.get("/api/events/3641c41463e3dde6").text == expected("event-wad-madani-taken.json"))
        #expect(try await s.get("/api/control?as_of=2023-12-20&country=SD").json["places"] as? [Any] != nil)
        let before = try await s.get("/api/control?as_of=2023-12-17").text
        #expect(before == #"{"as_of":"2023-12-17","places":[]}"#)
        #expect(try await s.get("/api/places?q=Wad%20Madani&limit=1").text == #"{"query":"Wad Madani","places":[{"geonameid":364103,"key":"364103","name":"Wad Medani","country":"SD","admin1":"Al Jazirah","feature":"PPLA","population":332714,"lat":14.4012,"lon":33.5199,"matched":"Wad Madani","match":"exact"}]}"#)
    }

    @Test func pagesFollowTheCursor() async throws {
        let s = try await LiveServer.start()
        defer { s.stop() }
        let all = try await s.get("/api/events?limit=1000").json["events"] as! [[String: Any]]
        #expect(all.count == 5)
        var ids: [String] = []
        var cursor: String? = nil
        repeat {
            let page = try await s.get("/api/events?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")).json
            ids += (page["events"] as! [[String: Any]]).map { $0["id"] as! String }
            cursor = page["next"] as? String
        } while cursor != nil
        #expect(ids == all.map { $0["id"] as! String })
        #expect(ids.count == 5)
        // filters: type, place, minimum sources, full-text query
        let taken = try await s.get("/api/events?type=territory_taken&min_sources=2").json["events"] as! [[String: Any]]
        #expect(taken.map { $0["id"] as! String } == ["3641c41463e3dde6"])
        let q = try await s.get("/api/events?q=resistance+committee").json["events"] as! [[String: Any]]
        #expect(q.map { $0["id"] as! String } == ["3641c41463e3dde6"])
        let since = try await s.get("/api/events?since=2023-12-20").json["events"] as! [[String: Any]]
        #expect(since.map { $0["id"] as! String } == ["d86fac1a84df37c9"])
    }

    @Test func exportsAsGeoJSONAndCSV() async throws {
        let s = try await LiveServer.start()
        defer { s.stop() }
        let geo = try await s.get("/api/events.geojson?type=territory_taken")
        #expect(geo.status == 200)
        #expect(geo.headers["content-type"] == "application/geo+json")
        let features = geo.json["features"] as! [[String: Any]]
        #expect(features.count == 2)
        #expect((features[0]["geometry"] as! [String: Any])["coordinates"] as! [Double] == [33.5199, 14.4012])
        let csv = try await s.get("/api/export.csv?country=SD")
        #expect(csv.headers["content-type"] == "text/csv; charset=utf-8")
        let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp")
        #expect(lines.count == 6)
        let map = try await s.get("/api/map.svg?country=SD")
        #expect(map.headers["content-type"] == "image/svg+xml")
        #expect(map.text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(map.text.contains("<title>Wad Medani: Rapid Support Forces since 2023-12-18</title>"))
        let chart = try await s.get("/api/changes.svg?country=SD&as_of=2023-12-31")
        #expect(chart.headers["content-type"] == "image/svg+xml")
        #expect(chart.text.contains("<title>Rapid Support Forces took Wad Medani on 2023-12-18</title>"))
        #expect(chart.text.contains("<title>Sudanese government forces took Sennar on 2023-12-26</title>"))
    }

    @Test func errorsAreJSONWithTheRightStatus() async throws {
        let s = try await LiveServer.start { $0.maxBody = 4096 }
        defer { s.stop() }
        let badDate = try await s.get("/api/events?since=2023-13-01")
        #expect(badDate.status == 400)
        #expect(badDate.text == #"{"error":{"status":400,"code":"bad-parameter","message":"since: '2023-13-01' is not a date","hint":"YYYY-MM-DD"}}"#)
        #expect(try await s.get("/api/events?colour=red").status == 400)
        #expect(try await s.get("/api/events?limit=5000").status == 400)
        #expect(try await s.get("/api/events?cursor=nonsense").status == 400)
        #expect(try await s.get("/api/events?cursor=2030-01-01_0").json["events"].map { ($0 as! [Any]).count } == 5)
        #expect(try await s.get("/api/events?country=Sudan").status == 400)
        #expect(try await s.get("/api/events?type=battle").status == 400)
        // a query that is no FTS5 syntax searches its words; one without words finds nothing
        let unclosed = try await s.get("/api/events?q=%22resistance+committee").json["events"] as! [[String: Any]]
        #expect(unclosed.map { $0["id"] as! String } == ["3641c41463e3dde6"])
        #expect(try await s.get("/api/events?q=%22").text == #"{"events":[],"next":null}"#)
        #expect(try await s.get("/api/events?since=").status == 400)  // empty: leave it out
        let trace = try await s.send("DELETE", "/api/events")
        #expect(trace.status == 405)
        #expect(trace.headers["allow"] == "GET")
        #expect(try await s.get("/api/places").status == 400)
        let missing = try await s.get("/api/events/0000000000000000")
        #expect(missing.status == 404)
        #expect(missing.text == #"{"error":{"status":404,"code":"not-found","message":"no event '0000000000000000'"}}"#)
        #expect(try await s.get("/api/nothing-here").status == 404)
        #expect(try await s.get("/api/events?q=" + String(repeating: "a", count: 5000)).status == 414)
        // writing: no token, a wrong token, too large, not a document, a type the API does not read
        let noToken = try await s.post(#"{"text":"x"}"#, token: nil)
        #expect(noToken.status == 401)
        #expect(noToken.headers["www-authenticate"] == "Bearer realm=\"sitrep\"")
        #expect(try await s.post(#"{"text":"x"}"#, token: "wrong-token-000000").status == 401)
        #expect(try await s.post(#"{"text":""# + String(repeating: "a", count: 5000) + #""}"#).status == 413)
        let noText = try await s.post(#"{"title":"no text"}"#)
        #expect(noText.status == 422)
        #expect(noText.text == #"{"error":{"status":422,"code":"missing-field","message":"body:1: no \"text\" field","hint":"every document needs its article text in \"text\""}}"#)
        #expect(try await s.post("{not json").status == 400)
        #expect(try await s.post(#"{"text":"  "}"#).status == 422)
        #expect(try await s.post("x", type: "image/png").status == 415)
        // a batch with one bad line is refused whole
        let batch = #"{"id":"ok-1","text":"Rebels captured Sennar on Monday."}"# + "\n" + #"{"id":"bad-1","published":"soon","text":"x"}"#
        let refused = try await s.post(batch, type: "application/x-ndjson")
        #expect(refused.status == 422)
        #expect(try await s.get("/healthz").json["documents"] as? Int == 3)
        // every answer carries the security headers
        #expect(missing.headers["content-security-policy"] == SecurityHeaders.contentSecurityPolicy)
        #expect(missing.headers["x-content-type-options"] == "nosniff")
    }

    @Test func postedDocumentsAreIngestedOnce() async throws {
        let s = try await LiveServer.start()
        defer { s.stop() }
        let doc = #"{"id":"post-1","url":"https://wire.example.test/2024/01/05/kassala","published":"2024-01-05","title":"Army says it repelled attack","text":"KASSALA, Jan 5 (Example Wire) - The Rapid Support Forces seized the town of Rufaa on Thursday, the army said."}"#
        // asked before: the answer is cached, and must not outlive the write
        #expect(try await s.get("/api/timeline?place=Rufaa").text == #"{"changes":[]}"#)
        let added = try await s.post(doc)
        #expect(added.status == 201)
        #expect(added.text == #"{"read":1,"added":1,"skipped":0,"mentions":1,"events_touched":1,"documents":["post-1"]}"#)
        let health = try await s.get("/healthz").json
        #expect(health["documents"] as? Int == 4)
        #expect(health["revision"] as? String != "3-3-5-5-2-2")
        let again = try await s.post("[" + doc + "]")
        #expect(again.status == 200)
        #expect(again.text == #"{"read":1,"added":0,"skipped":1,"mentions":0,"events_touched":0,"documents":["post-1"]}"#)
        let timeline = try await s.get("/api/timeline?place=Rufaa").json["changes"] as! [[String: Any]]
        #expect(timeline.count == 1)
        #expect((timeline[0]["controller"] as! [String: Any])["id"] as? String == "rsf")
    }

    @Test func writingIsOffWithoutAToken() async throws {
        let s = try await LiveServer.start { $0.token = nil }
        defer { s.stop() }
        #expect(try await s.post(#"{"text":"x"}"#).status == 403)
    }

    @Test func anotherAddressNeedsAToken() throws {
        var o = ServerOptions(database: "unused.sqlite")
        o.host = "0.0.0.0"
        #expect(throws: (any Error).self) { try APIServer(options: o) }
        #expect(!o.isLoopback)
        o.host = "127.0.0.1"
        #expect(o.isLoopback)
    }

    /// Readers get read-only connections: a write through one fails.
    @Test func readersCannotWrite() async throws {
        let s = try await LiveServer.start()
        defer { s.stop() }
        let store = try Store(path: s.database)
        #expect(throws: (any Error).self) { try store.read { db in try db.execute(sql: "DELETE FROM events") } }
        #expect(try store.counts().events == 5)
    }

    @Test func theOpenAPIFileIsServed() async throws {
        let s = try await LiveServer.start()
        defer { s.stop() }
        let spec = try await s.get("/openapi.json").json
        #expect(spec["openapi"] as? String == "3.1.0")
        let paths = (spec["paths"] as! [String: Any]).keys.sorted()
        // the 405 table knows every operation of the file
        for (path, item) in spec["paths"] as! [String: [String: Any]] {
            let concrete = path.replacingOccurrences(of: "{id}", with: "0123456789abcdef")
            #expect(Endpoints.methods(of: concrete)?.map { $0.rawValue.lowercased() }.sorted() == item.keys.sorted(), "\(path)")
        }
        #expect(paths == ["/api/changes.svg", "/api/control", "/api/documents", "/api/events", "/api/events.geojson", "/api/events/{id}",
                          "/api/export.csv", "/api/map.svg", "/api/places", "/api/timeline", "/healthz", "/openapi.json"])
    }
}
