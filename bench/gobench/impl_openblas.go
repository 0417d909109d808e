//go:build openblas

package main

// impl names the implementation in the results.
const impl = "go-openblas"
