-- wrk script for tools/bench-api.sh: each request one of ~20 realistic searches (some filtered), in the mode
-- given by the MODE environment variable; done() prints one machine-readable RESULT line.
-- WORKLOAD=popular repeats those 20 (what a portal's result cache sees); WORKLOAD=distinct adds two random words
-- from a vocabulary to each, so nearly every request is new and the cache cannot help.
local mode = os.getenv("MODE") or "bm25"
local workload = os.getenv("WORKLOAD") or "popular"
-- FACETS=1 asks for the facet counts, as the search page does; API clients and the document page do not.
local facets = os.getenv("FACETS") == "1" and "&facets=true" or ""
local words = {
  "national", "policy", "regulator", "operator", "telecommunication", "network", "critical", "sector", "response",
  "team", "awareness", "training", "capacity", "cooperation", "international", "law", "privacy", "data", "protection",
  "cloud", "mobile", "internet", "governance", "audit", "control", "assessment", "risk", "threat", "malware",
  "phishing", "botnet", "encryption", "certificate", "authentication", "identity", "access", "monitoring", "logging",
  "forensics", "evidence", "recovery", "continuity", "backup", "vulnerability", "patch", "software", "hardware",
  "supply", "vendor", "contract", "standard", "framework", "guideline", "requirement", "measure", "incident", "report",
  "notification", "coordination", "exercise", "simulation", "budget", "funding", "strategy", "plan", "roadmap",
}
local function word() return words[math.random(#words)] end

-- wrk runs this script in one Lua state per thread, each with the same unseeded random sequence: without a seed of
-- its own, every thread (and every run) would send the same queries, and half the "distinct" requests would be
-- answered by the result cache or by a search already running for the other thread.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
function init(args)
  math.randomseed(os.time() * 100 + (id or 0))
end
local queries = {
  "q=incident+response+team+structure",
  "q=how+should+an+organization+handle+a+security+incident",
  "q=password+authenticated+key+exchange",
  "q=X.1056&type=recommendation",
  "q=national+cybersecurity+strategy&type=national-strategy",
  "q=critical+infrastructure+protection&year=2015..2024",
  "q=threat+information+sharing",
  "q=%22security+architecture%22",
  "q=risk+management+framework",
  "q=child+online+protection",
  "q=cyber+threat+intelligence+sharing+trust",
  "q=extensible+authentication+protocol",
  "q=spam+countermeasures&type=recommendation",
  "q=strat%C3%A9gie+nationale+de+cybers%C3%A9curit%C3%A9",
  "q=information+security+management+telecommunications",
  "q=vulnerability+disclosure",
  "q=identity+management+trust+framework",
  "q=cybersecurity+capacity+building&region=africa",
  "q=incident+severity+levels+-malware",
  "q=supply+chain+security&top=20",
}

request = function()
  local query = queries[math.random(#queries)]
  if workload == "distinct" then
    query = query:gsub("^q=([^&]*)", "q=%1+" .. word() .. "+" .. word())
  end
  return wrk.format("GET", "/api/search?" .. query .. "&mode=" .. mode .. facets)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors, summary.requests))
end
