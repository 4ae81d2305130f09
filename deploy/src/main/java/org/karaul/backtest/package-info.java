/**
 * {@code karaul backtest}: replays retained raw items (from {@code karaul.items.raw} or a JSONL file) through a
 * candidate taxonomy, grouping rules and alert rules next to the deployed ones, offline, and reports what would
 * change: labels with their evidence, developments and alerts gained and lost, counts per category and rule, and
 * how each rule's precision would move under the desk's triage marks. It lives in {@code deploy} because it drives
 * both the processor's classifier and grouping and the alerts' rules, and only {@code deploy} depends on both.
 */
package org.karaul.backtest;
