package main

import "sync"

// renderHeap is how much of the heap a render prepares in huge pages
// (heapInHugePages): about what the real plan's render allocates; larger
// plans gained no more from more.
const renderHeap = 64 << 20

// prepareHeap readies the process's heap for a render once: a process
// making several (the tests, the benchmarks) keeps the huge pages.
var prepareHeap = sync.OnceFunc(func() { heapInHugePages(renderHeap) })
