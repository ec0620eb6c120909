package dev.troupe.analytics;

class AnalyticsIT extends AnalyticsContract {
}
