from django.db import migrations


def backfill(apps, schema_editor):
    Order = apps.get_model("orders", "Order")
    Order.objects.filter(total__isnull=True).update(total=0)


class Migration(migrations.Migration):
    dependencies = [("orders", "0001_initial")]
    operations = [
        migrations.RunPython(backfill),
        migrations.RunSQL("UPDATE orders_order SET total = 0", reverse_sql=migrations.RunSQL.noop),
    ]
