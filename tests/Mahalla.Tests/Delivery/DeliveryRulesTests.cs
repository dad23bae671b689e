using System.Security.Cryptography;
using System.Text;
using Mahalla.Web.Modules.Delivery.Data;
using Mahalla.Web.Modules.Delivery.Sending;
using Mahalla.Web.Platform.Errors;

namespace Mahalla.Tests.Delivery;

/// <summary>The rules of a delivery, its back-off and its signature, without a database or a network.</summary>
public sealed class DeliveryRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 3, 5, 0, 0, DateTimeKind.Utc);

    private static ReportDelivery NewDelivery(DeliveryMethod method = DeliveryMethod.Webhook) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), method, DeliveryKind.Report, Now);

    [Fact]
    public void The_back_off_doubles_from_the_first_delay_and_stops_at_the_cap()
    {
        var first = TimeSpan.FromSeconds(30);
        var cap = TimeSpan.FromHours(1);

        Assert.Equal([30, 60, 120, 240, 480, 960, 1920, 3600, 3600],
            Enumerable.Range(1, 9).Select(n => (int)DeliveryWorker.Backoff(n, first, cap).TotalSeconds));
        Assert.Equal(cap, DeliveryWorker.Backoff(1_000, first, cap));
    }

    [Fact]
    public void A_delivery_fails_for_good_after_its_attempts_and_a_manual_retry_gives_it_a_fresh_budget()
    {
        var delivery = NewDelivery();
        delivery.AttemptFailed(Now, 503, "http 503", permanent: false, maxAttempts: 2, TimeSpan.FromSeconds(30));
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(Now.AddSeconds(30), delivery.NextAttemptUtc);

        delivery.AttemptFailed(Now, 503, "http 503", permanent: false, maxAttempts: 2, TimeSpan.FromSeconds(60));
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Null(delivery.NextAttemptUtc);

        delivery.RetryByHand(Now.AddHours(1));
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(0, delivery.FailuresInRow);
        Assert.Equal(Now.AddHours(1), delivery.NextAttemptUtc);
    }

    [Fact]
    public void A_refusal_that_retrying_cannot_fix_fails_at_once()
    {
        var delivery = NewDelivery();

        delivery.AttemptFailed(Now, 410, "http 410", permanent: true, maxAttempts: 8, TimeSpan.FromSeconds(30));

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(410, delivery.LastStatusCode);
    }

    [Fact]
    public void A_delivered_delivery_cannot_be_cancelled_or_retried_and_only_open311_reports_are_followed()
    {
        var webhook = NewDelivery();
        webhook.Delivered(Now, 200, null, null, Now.AddMinutes(15));
        Assert.Null(webhook.NextPollUtc);
        Assert.Equal("delivery.rule.nothing_to_cancel", Assert.Throws<BusinessRuleException>(webhook.Cancel).Rule);
        Assert.Equal("delivery.rule.nothing_to_retry", Assert.Throws<BusinessRuleException>(() => webhook.RetryByHand(Now)).Rule);

        var open311 = NewDelivery(DeliveryMethod.Open311);
        open311.Delivered(Now, 200, "638344", null, Now.AddMinutes(15));
        Assert.Equal(Now.AddMinutes(15), open311.NextPollUtc);
        Assert.Equal("638344", open311.RemoteId);
    }

    [Fact]
    public void An_open311_update_is_followed_only_when_it_created_a_follow_up_request()
    {
        static ReportDelivery Update() => new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), DeliveryMethod.Open311, DeliveryKind.Update, Now);

        var throughTheExtension = Update();
        throughTheExtension.Delivered(Now, 200, null, null, Now.AddMinutes(15));
        var followUp = Update();
        followUp.Delivered(Now, 200, null, "tok-7", Now.AddMinutes(15));

        Assert.Null(throughTheExtension.NextPollUtc);
        Assert.False(throughTheExtension.HoldsOpen311Request);
        Assert.Equal(Now.AddMinutes(15), followUp.NextPollUtc);
        Assert.True(followUp.HoldsOpen311Request);
        Assert.Equal(["report.routed", "report.withdrawn", "report.updated"],
            new[] { DeliveryKind.Report, DeliveryKind.Withdrawal, DeliveryKind.Update }.Select(WebhookChannel.EventType));
    }

    [Fact]
    public void An_error_longer_than_the_log_keeps_is_cut_and_the_inbox_needs_no_delivery()
    {
        var delivery = NewDelivery();
        delivery.AttemptFailed(Now, null, new string('x', 1_000), permanent: false, maxAttempts: 8, TimeSpan.FromSeconds(30));

        Assert.Equal(ReportDelivery.MaxErrorLength, delivery.LastError!.Length);
        Assert.Throws<ArgumentException>(() => NewDelivery(DeliveryMethod.Inbox));
    }

    [Fact]
    public void The_signature_is_an_hmac_of_the_timestamp_and_the_exact_body()
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":\"d1\",\"type\":\"report.routed\"}");

        var header = WebhookSignature.Sign("whsec_test", 1_793_000_000, body);

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("whsec_test"),
            Encoding.UTF8.GetBytes("1793000000.{\"id\":\"d1\",\"type\":\"report.routed\"}")));
        Assert.Equal($"t=1793000000,v1={expected}", header);
        Assert.NotEqual(header, WebhookSignature.Sign("whsec_test", 1_793_000_000, Encoding.UTF8.GetBytes("{\"id\":\"d1\",\"type\":\"report.routed\"} ")));
    }

    [Fact]
    public void Open311_answers_are_read_from_xml_and_json_alike()
    {
        // The answers of the GeoReport v2 specification's own examples (POST requests, a token, GET requests/{id}).
        const string xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <service_requests>
                <request>
                    <service_request_id>293944</service_request_id>
                    <service_notice>
                        The City will inspect and require the responsible party to correct within 24 hours
                    </service_notice>
                    <account_id/>
                </request>
            </service_requests>
            """;
        const string json = """[{"service_request_id":293944,"service_notice":"The City will inspect","account_id":null}]""";
        const string token = """[{"service_request_id":638344,"token":12345}]""";
        const string request = """
            <?xml version="1.0" encoding="utf-8"?>
            <service_requests><request><service_request_id>638344</service_request_id><status>closed</status>
            <status_notes>Duplicate request.</status_notes><lat>37.762221815</lat></request></service_requests>
            """;

        Assert.Equal("293944", Open311Channel.First(xml, "xml")["service_request_id"]);
        Assert.Null(Open311Channel.First(xml, "xml")["account_id"]);
        Assert.Equal("293944", Open311Channel.First(json, "json")["service_request_id"]);
        Assert.Null(Open311Channel.First(json, "json")["account_id"]);
        Assert.Equal("12345", Open311Channel.First(token, "json")["token"]);
        Assert.Equal("closed", Open311Channel.First(request, "xml")["status"]);
        Assert.Equal("Duplicate request.", Open311Channel.First(request, "xml")["status_notes"]);
        Assert.Equal("2026-11-03T05:00:00Z", Open311Channel.W3c(Now));
    }
}
