import { Module } from '@nestjs/common';
import { ServiceProviderAccess } from '../service-providers/service-provider-access';
import { StatisticsAdminController, StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

/** The services' figures (aggregated by the worker into `login_statistic_daily`): JSON for the portal's charts, CSV to download. */
@Module({
  controllers: [StatisticsController, StatisticsAdminController],
  providers: [ServiceProviderAccess, StatisticsService],
})
export class StatisticsModule {}
