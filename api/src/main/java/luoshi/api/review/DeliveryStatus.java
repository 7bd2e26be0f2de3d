package luoshi.api.review;

/** Where a webhook delivery stands: waiting (or retrying), delivered, or given up after the last attempt. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
