// The journeys run one at a time: each drives a real Chromium and a real server, and two at once on a small machine
// only make both slow enough to hit their timeouts.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
